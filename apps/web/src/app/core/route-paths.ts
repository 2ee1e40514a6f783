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
  reporterReveal: 'admin/reporter-reveal',
  risk: 'risk',
  users: 'admin/users',
} as const;
