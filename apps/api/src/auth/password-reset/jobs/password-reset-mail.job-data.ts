/** Ids only: the processor reloads the state. */
export interface PasswordResetMailJobData {
  tenantId: string;
  resetId: string;
}
