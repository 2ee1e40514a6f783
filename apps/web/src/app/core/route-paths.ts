/** Every route path in one place (no string literals in templates). */
export const ROUTES = {
  auditLog: 'admin/audit-log',
  deliveryProblems: 'admin/deliveries',
  forbidden: 'forbidden',
  home: '',
  incidentSettings: 'admin/incident-settings',
  incidents: 'incidents',
  invitation: 'invitation',
  login: 'login',
  organisation: 'organisation',
  passwordReset: 'password-reset',
  passwordResetConfirm: 'password-reset/confirm',
  reporterReveal: 'admin/reporter-reveal',
  restrictionApprovals: 'admin/restriction-approvals',
  risk: 'risk',
  ssoSettings: 'admin/sso',
  users: 'admin/users',
} as const;
