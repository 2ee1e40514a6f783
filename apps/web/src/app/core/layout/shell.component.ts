import { BreakpointObserver } from '@angular/cdk/layout';
import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { PERMISSIONS } from '@helhet/shared';
import { from, map } from 'rxjs';

import { AuthService } from '../auth/auth.service';
import { ROUTES } from '../route-paths';
import { SHELL_TOOLBAR_ITEMS } from './shell-toolbar';

const canReadIncidents = (can: ReadonlySet<string>): boolean =>
  [PERMISSIONS.incidentsRead, PERMISSIONS.incidentsHandle, PERMISSIONS.incidentsInjuryRegister, PERMISSIONS.incidentsInfosec].some((p) =>
    can.has(p),
  );

/** Toolbar, navigation (only what the user's permissions allow) and the main landmark. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgComponentOutlet,
    MatButtonModule,
    MatListModule,
    MatMenuModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  selector: 'hh-shell',
  styleUrl: './shell.component.scss',
  templateUrl: './shell.component.html',
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  /** Feature components in the toolbar (the inbox bell), loaded with the shell. */
  protected readonly toolbarItems = toSignal(from(Promise.all(inject(SHELL_TOOLBAR_ITEMS).map((load) => load()))), { initialValue: [] });
  private readonly router = inject(Router);
  protected readonly me = this.auth.me;
  protected readonly handset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 839px)')
      .pipe(map((state) => state.matches)),
    {
      initialValue: false,
    },
  );
  protected readonly routes = ROUTES;
  protected readonly otherLocale = $localize.locale === 'en' ? 'nb' : 'en';
  protected readonly links = computed(() => {
    const can = this.auth.permissions();
    return [
      { exact: true, label: $localize`:@@nav.home:Oversikt`, path: '/', show: true },
      { label: $localize`:@@nav.fileIncident:Meld avvik`, path: `/${ROUTES.incidents}/new`, show: can.has(PERMISSIONS.incidentsFile) },
      { label: $localize`:@@nav.myIncidents:Mine saker`, path: `/${ROUTES.incidents}/mine`, show: can.has(PERMISSIONS.incidentsFile) },
      { label: $localize`:@@nav.incidents:Avvik`, path: `/${ROUTES.incidents}`, show: canReadIncidents(can) },
      { exact: true, label: $localize`:@@nav.risk:Risiko (ROS)`, path: `/${ROUTES.risk}`, show: can.has(PERMISSIONS.riskRead) },
      { label: $localize`:@@nav.riskAnalyses:Risikoanalyser`, path: `/${ROUTES.risk}/analyses`, show: can.has(PERMISSIONS.riskRead) },
      { label: $localize`:@@nav.organisation:Organisasjon`, path: `/${ROUTES.organisation}`, show: can.has(PERMISSIONS.organisationRead) },
      { label: $localize`:@@nav.users:Brukere og roller`, path: `/${ROUTES.users}`, show: can.has(PERMISSIONS.usersRead) },
      {
        label: $localize`:@@nav.incidentSettings:Avvikskategorier`,
        path: `/${ROUTES.incidentSettings}`,
        show: can.has(PERMISSIONS.incidentsConfigure),
      },
      { label: $localize`:@@nav.ssoSettings:Innlogging (SSO)`, path: `/${ROUTES.ssoSettings}`, show: can.has(PERMISSIONS.usersManage) },
      { label: $localize`:@@nav.deliveries:Varslingsfeil`, path: `/${ROUTES.deliveryProblems}`, show: can.has(PERMISSIONS.deliveriesRead) },
      { label: $localize`:@@nav.auditLog:Revisjonslogg`, path: `/${ROUTES.auditLog}`, show: can.has(PERMISSIONS.auditRead) },
      {
        // Approvers of restriction changes (ADR 0015): the DPO and the HMS advisor.
        label: $localize`:@@nav.restrictionApprovals:Godkjenninger`,
        path: `/${ROUTES.restrictionApprovals}`,
        show: (this.auth.me()?.roles ?? []).some((role) => role.role === 'dpo' || role.role === 'hms_advisor'),
      },
      {
        label: $localize`:@@nav.reporterReveal:Innsyn i skjult melder`,
        path: `/${ROUTES.reporterReveal}`,
        show: can.has(PERMISSIONS.incidentsRevealReporter),
      },
    ].filter((link) => link.show);
  });

  protected switchLocaleHref(): string {
    return `/${this.otherLocale}${this.router.url}`;
  }

  protected async signOut(): Promise<void> {
    await this.auth.logout();
    await this.router.navigate(['/', ROUTES.login]);
  }
}
