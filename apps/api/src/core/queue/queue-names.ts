/** Every BullMQ queue, named once. */
export const QueueName = {
  /** Deadline jobs (delayed): a case or measure that nobody acted on climbs the management line. */
  escalations: 'escalations',
  /** Follow-up of newly filed avvik: routing, notifications, the first deadline. */
  incidents: 'incidents',
  mail: 'mail',
  maintenance: 'maintenance',
  /** One job per notification delivery (e-mail), idempotent through the delivery ledger. */
  notifications: 'notifications',
  /** "Forgot password" e-mails (the password_reset_token row is the outbox). */
  passwordResetMail: 'password-reset-mail',
  /** PDF reports of risk analyses, built with progress. */
  riskReports: 'risk-reports',
} as const;

export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Job names per queue. */
export const JobName = {
  deadlineDue: 'deadline-due',
  deliverNotification: 'deliver-notification',
  incidentFiled: 'incident-filed',
  invitationMail: 'invitation-mail',
  passwordResetMail: 'password-reset-mail',
  requeueStalledOutbox: 'requeue-stalled-outbox',
  purgeExpiredSessions: 'purge-expired-sessions',
  removeStaleStagingFiles: 'remove-stale-staging-files',
  buildRiskReport: 'build-risk-report',
  resendUnsentInvitations: 'resend-unsent-invitations',
} as const;
