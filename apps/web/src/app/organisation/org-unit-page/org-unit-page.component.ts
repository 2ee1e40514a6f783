import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  type DelegationResponse,
  type ManagementLineEntryResponse,
  type OrgUnitResponse,
  type OrgUnitSummary,
  PERMISSIONS,
} from '@helhet/shared';

import { AuthService } from '../../core/auth/auth.service';
import { errorMessage } from '../../core/http-error';
import { DELEGATION_LABELS, formatDate, LEVEL_LABELS, SERVICE_LABELS } from '../../core/i18n/labels';
import { ManagementLineComponent } from '../management-line/management-line.component';
import { OrgUnitAdminComponent } from '../org-unit-form/org-unit-admin.component';
import { OrganisationApi } from '../organisation.api';

/** One unit: where it sits, who leads it today, its subunits, and (for administrators) changes. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ManagementLineComponent, MatButtonModule, MatProgressBarModule, OrgUnitAdminComponent, RouterLink],
  selector: 'hh-org-unit-page',
  styleUrl: './org-unit-page.component.scss',
  templateUrl: './org-unit-page.component.html',
})
export class OrgUnitPageComponent {
  private readonly api = inject(OrganisationApi);
  readonly id = input.required<string>();
  protected readonly canManage = inject(AuthService).hasPermission(PERMISSIONS.organisationManage);
  protected readonly unit = signal<OrgUnitResponse | null>(null);
  protected readonly line = signal<ManagementLineEntryResponse[]>([]);
  protected readonly delegations = signal<DelegationResponse[]>([]);
  protected readonly children = signal<OrgUnitSummary[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly level = (type: OrgUnitSummary['levelType']) => LEVEL_LABELS[type]();
  protected readonly service = (type: OrgUnitSummary['serviceType']) => (type ? SERVICE_LABELS[type]() : '–');
  protected readonly reason = (delegation: DelegationResponse) => DELEGATION_LABELS[delegation.reason]();
  protected readonly date = (value: string | null) => formatDate(value);

  constructor() {
    effect(() => void this.load(this.id()));
  }

  protected async removeDelegation(id: string): Promise<void> {
    try {
      await this.api.deleteDelegation(id);
      await this.load(this.id());
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  protected async load(id: string): Promise<void> {
    this.error.set(null);
    // Keep the page (and the admin panel's message) on screen while reloading the same unit.
    if (this.unit()?.id !== id) this.unit.set(null);
    try {
      const [unit, line, delegations, children] = await Promise.all([
        this.api.get(id),
        this.api.managementLine(id),
        this.api.delegations(id),
        this.api.list({ includeInactive: this.canManage, pageSize: 200, parentId: id }),
      ]);
      this.unit.set(unit);
      this.line.set(line);
      this.delegations.set(delegations);
      this.children.set(children.items);
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
