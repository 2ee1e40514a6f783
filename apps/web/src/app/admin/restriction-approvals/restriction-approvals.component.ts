import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CategoryRestriction } from '@helhet/domain';
import type { CategoryRestrictionChangeResponse } from '@helhet/shared';

import { errorMessage } from '../../core/http-error';
import { formatDate, ROLE_LABELS } from '../../core/i18n/labels';
import { IncidentSettingsApi } from '../incident-settings/incident-settings.api';

const RESTRICTION_LABELS: Record<CategoryRestriction, () => string> = {
  infosec: () => $localize`:@@incidentSettings.restrictionInfosec:Informasjonssikkerhet (personvernombud)`,
  injury: () => $localize`:@@incidentSettings.restrictionInjury:Skaderegister (verneombud, HMS)`,
  none: () => $localize`:@@incidentSettings.restrictionNone:Ingen ekstra tilgang`,
};

/**
 * "Endringer som venter på godkjenning" (ADR 0015): a loosened category restriction takes effect only when the DPO
 * (information security) or the HMS advisor (injury and violence) approves it. The proposer cannot decide their own.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule],
  selector: 'hh-restriction-approvals',
  styleUrl: './restriction-approvals.component.scss',
  templateUrl: './restriction-approvals.component.html',
})
export class RestrictionApprovalsComponent {
  private readonly api = inject(IncidentSettingsApi);
  protected readonly changes = signal<CategoryRestrictionChangeResponse[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly restrictionLabel = (id: CategoryRestriction) => RESTRICTION_LABELS[id]();
  protected readonly roleLabel = (role: 'dpo' | 'hms_advisor') => ROLE_LABELS[role]();
  protected readonly date = (value: string | null) => formatDate(value, true);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.changes.set(await this.api.restrictionChanges());
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  protected pending(changes: CategoryRestrictionChangeResponse[]): CategoryRestrictionChangeResponse[] {
    return changes.filter((change) => change.status === 'pending');
  }

  protected decided(changes: CategoryRestrictionChangeResponse[]): CategoryRestrictionChangeResponse[] {
    return changes.filter((change) => change.status !== 'pending').slice(0, 20);
  }

  protected async decide(change: CategoryRestrictionChangeResponse, decision: 'approve' | 'reject'): Promise<void> {
    this.error.set(null);
    this.message.set(null);
    this.busy.set(change.id);
    try {
      await this.api.decideRestrictionChange(change.id, decision);
      this.message.set(
        decision === 'approve'
          ? $localize`:@@restrictionApprovals.approved:Endringen for ${change.category.label}:label: er godkjent og gjelder nå.`
          : $localize`:@@restrictionApprovals.rejected:Endringen for ${change.category.label}:label: er avvist. Begrensningen står som før.`,
      );
      await this.load();
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(null);
    }
  }
}
