/** Every BullMQ queue, named once. */
export const QueueName = {
  mail: 'mail',
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Job names per queue. */
export const JobName = {
  invitationMail: 'invitation-mail',
  purgeExpiredSessions: 'purge-expired-sessions',
  resendUnsentInvitations: 'resend-unsent-invitations',
} as const;
