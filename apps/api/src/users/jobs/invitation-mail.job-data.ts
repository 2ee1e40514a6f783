/** Ids only: the processor reloads the state. */
export interface InvitationMailJobData {
  tenantId: string;
  invitationId: string;
}
