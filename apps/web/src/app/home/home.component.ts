import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import { AuthService } from '../core/auth/auth.service';
import { ROLE_LABELS } from '../core/i18n/labels';
import { ROUTES } from '../core/route-paths';

/** Start page: who you are here, and where your responsibility lies. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink],
  selector: 'hh-home',
  styleUrl: './home.component.scss',
  templateUrl: './home.component.html',
})
export class HomeComponent {
  protected readonly me = inject(AuthService).me;
  protected readonly organisationPath = `/${ROUTES.organisation}`;
  protected readonly roles = computed(() => (this.me()?.roles ?? []).map((role) => ({ ...role, label: ROLE_LABELS[role.role]() })));
}
