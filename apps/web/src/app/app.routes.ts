import type { Route } from '@angular/router';
import { PERMISSIONS } from '@helhet/shared';

import { restrictionApprovalsGuard } from './admin/restriction-approvals/restriction-approvals.guard';
import { authGuard, permissionGuard } from './core/auth/auth.guards';
import { SHELL_TOOLBAR_ITEMS, type ShellToolbarItem } from './core/layout/shell-toolbar';
import { ROUTES } from './core/route-paths';

const title = (text: string) => `${text} – Helhet`;

export const appRoutes: Route[] = [
  {
    loadComponent: () => import('./login/login.component').then((m) => m.LoginComponent),
    path: ROUTES.login,
    title: title($localize`:@@title.login:Logg inn`),
  },
  {
    loadComponent: () => import('./invitation/invitation.component').then((m) => m.InvitationComponent),
    path: ROUTES.invitation,
    title: title($localize`:@@title.invitation:Velg passord`),
  },
  {
    loadComponent: () => import('./password-reset/password-reset-request.component').then((m) => m.PasswordResetRequestComponent),
    path: ROUTES.passwordReset,
    title: title($localize`:@@title.passwordReset:Glemt passord`),
  },
  {
    loadComponent: () => import('./password-reset/password-reset-confirm.component').then((m) => m.PasswordResetConfirmComponent),
    path: ROUTES.passwordResetConfirm,
    title: title($localize`:@@title.passwordResetConfirm:Velg nytt passord`),
  },
  {
    loadComponent: () => import('./risk/workshop/participant/workshop-participant.component').then((m) => m.WorkshopParticipantComponent),
    path: 'workshop',
    title: title($localize`:@@title.workshopJoin:Bli med i workshop`),
  },
  {
    canActivate: [authGuard],
    children: [
      {
        loadComponent: () => import('./home/home.component').then((m) => m.HomeComponent),
        path: '',
        pathMatch: 'full',
        title: title($localize`:@@title.home:Oversikt`),
      },
      {
        canActivate: [permissionGuard(PERMISSIONS.incidentsFile)],
        loadChildren: () => import('./incidents/incidents.routes').then((m) => m.INCIDENT_ROUTES),
        path: ROUTES.incidents,
      },
      {
        canActivate: [permissionGuard(PERMISSIONS.riskRead)],
        loadChildren: () => import('./risk/risk.routes').then((m) => m.RISK_ROUTES),
        path: ROUTES.risk,
      },
      {
        canActivate: [permissionGuard(PERMISSIONS.organisationRead)],
        loadChildren: () => import('./organisation/organisation.routes').then((m) => m.ORGANISATION_ROUTES),
        path: ROUTES.organisation,
      },
      {
        // Guarded per child: a user's page is also the target of a DPO's notification (ADR 0015); the API decides.
        loadChildren: () => import('./admin/users/users.routes').then((m) => m.USER_ROUTES),
        path: ROUTES.users,
      },
      {
        canActivate: [permissionGuard(PERMISSIONS.incidentsConfigure)],
        loadComponent: () => import('./admin/incident-settings/incident-settings.component').then((m) => m.IncidentSettingsComponent),
        path: ROUTES.incidentSettings,
        title: title($localize`:@@title.incidentSettings:Avvikskategorier og frister`),
      },
      {
        canActivate: [permissionGuard(PERMISSIONS.usersManage)],
        loadComponent: () => import('./admin/sso-settings/sso-settings.component').then((m) => m.SsoSettingsComponent),
        path: ROUTES.ssoSettings,
        title: title($localize`:@@title.ssoSettings:Innlogging fra kommunen`),
      },
      {
        canActivate: [permissionGuard(PERMISSIONS.deliveriesRead)],
        loadComponent: () => import('./admin/delivery-problems/delivery-problems.component').then((m) => m.DeliveryProblemsComponent),
        path: ROUTES.deliveryProblems,
        title: title($localize`:@@title.deliveries:Varsler som ikke kom frem`),
      },
      {
        canActivate: [permissionGuard(PERMISSIONS.incidentsRevealReporter)],
        loadComponent: () => import('./admin/reporter-reveal/reporter-reveal.component').then((m) => m.ReporterRevealComponent),
        path: ROUTES.reporterReveal,
        title: title($localize`:@@title.reporterReveal:Innsyn i skjult melder`),
      },
      {
        canActivate: [restrictionApprovalsGuard],
        loadComponent: () =>
          import('./admin/restriction-approvals/restriction-approvals.component').then((m) => m.RestrictionApprovalsComponent),
        path: ROUTES.restrictionApprovals,
        title: title($localize`:@@title.restrictionApprovals:Endringer som venter på godkjenning`),
      },
      {
        canActivate: [permissionGuard(PERMISSIONS.auditRead)],
        loadComponent: () => import('./admin/audit-log/audit-log.component').then((m) => m.AuditLogComponent),
        path: ROUTES.auditLog,
        title: title($localize`:@@title.auditLog:Revisjonslogg`),
      },
      {
        loadComponent: () => import('./shared/ui/message-page.component').then((m) => m.ForbiddenComponent),
        path: ROUTES.forbidden,
        title: title($localize`:@@title.forbidden:Ingen tilgang`),
      },
      {
        loadComponent: () => import('./shared/ui/message-page.component').then((m) => m.NotFoundComponent),
        path: '**',
        title: title($localize`:@@title.notFound:Fant ikke siden`),
      },
    ],
    loadComponent: () => import('./core/layout/shell.component').then((m) => m.ShellComponent),
    path: '',
    providers: [
      {
        provide: SHELL_TOOLBAR_ITEMS,
        useValue: [() => import('./inbox/inbox-bell/inbox-bell.component').then((m) => m.InboxBellComponent)] satisfies ShellToolbarItem[],
      },
    ],
  },
];
