import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { CATEGORY_RESTRICTIONS, type CategoryRestriction, type IncidentDeadlinePolicy, SEVERITIES } from '@helhet/domain';
import type {
  CategoryRestrictionChangeResponse,
  IncidentCategoryResponse,
  IncidentSettingsResponse,
  UpsertIncidentCategoryRequest,
} from '@helhet/shared';

import { errorMessage, fieldErrors } from '../../core/http-error';
import { SEVERITY_LABELS } from '../../core/i18n/incident-labels';
import { IncidentSettingsApi } from './incident-settings.api';
import { SeveritySettingsComponent } from './severity-settings.component';

const RESTRICTION_LABELS: Record<CategoryRestriction, () => string> = {
  infosec: () => $localize`:@@incidentSettings.restrictionInfosec:Informasjonssikkerhet (personvernombud)`,
  injury: () => $localize`:@@incidentSettings.restrictionInjury:Skaderegister (verneombud, HMS)`,
  none: () => $localize`:@@incidentSettings.restrictionNone:Ingen ekstra tilgang`,
};

interface Draft {
  code: string;
  label: string;
  restriction: CategoryRestriction;
  hasSeverity: boolean;
  parentId: string | null;
}

/** An editable copy (the form mutates it in place). */
const copyDeadlines = (deadlines: IncidentDeadlinePolicy): IncidentDeadlinePolicy => ({
  ...deadlines,
  closeDays: { ...deadlines.closeDays },
});

const emptyDraft = (parentId: string | null = null): Draft => ({ code: '', hasSeverity: true, label: '', parentId, restriction: 'none' });

/**
 * Tenant configuration of avvik (domain.md §3.2–3.4): categories and sub-categories (rename, retire, add)
 * and the deadlines that drive escalation. Codes are permanent: they identify a category in statistics.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    NgTemplateOutlet,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    SeveritySettingsComponent,
  ],
  selector: 'hh-incident-settings',
  styleUrl: './incident-settings.component.scss',
  templateUrl: './incident-settings.component.html',
})
export class IncidentSettingsComponent {
  private readonly api = inject(IncidentSettingsApi);
  protected readonly categories = signal<IncidentCategoryResponse[] | null>(null);
  /** Restriction loosenings waiting for their approver (ADR 0015). */
  protected readonly pending = signal<CategoryRestrictionChangeResponse[]>([]);
  protected readonly deadlines = signal<IncidentDeadlinePolicy | null>(null);
  /** What the server holds (the deadline form edits a copy). */
  protected readonly saved = signal<IncidentSettingsResponse | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string[]>>({});
  protected readonly editing = signal<string | null>(null);
  protected readonly adding = signal<string | 'top' | null>(null);
  protected draft: Draft = emptyDraft();
  protected readonly restrictions = CATEGORY_RESTRICTIONS.map((id) => ({ id, label: RESTRICTION_LABELS[id]() }));
  protected readonly restrictionLabel = (id: CategoryRestriction) => RESTRICTION_LABELS[id]();
  /**
   * "Endre <name>" as an attribute binding: an i18n attribute with interpolation would be set as the DOM
   * property `aria-label`, which browsers do not reflect to the attribute, so the name never reached assistive technology.
   */
  protected readonly editLabel = (label: string) => $localize`:@@incidentSettings.editAria:Endre ${label}:INTERPOLATION:`;
  protected readonly severities = [
    ...SEVERITIES.map((id) => ({ id, label: SEVERITY_LABELS[id]() })),
    { id: 'none' as const, label: $localize`:@@incidentSettings.noSeverity:Uten alvorlighetsgrad` },
  ];

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [categories, settings, pending] = await Promise.all([
        this.api.categories(),
        this.api.settings(),
        this.api.restrictionChanges('pending'),
      ]);
      this.categories.set(categories);
      this.pending.set(pending);
      this.saved.set(settings);
      this.deadlines.set(copyDeadlines(settings.deadlines));
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  protected startEdit(
    category: { id: string; code: string; label: string },
    parent: IncidentCategoryResponse | null,
    restriction: CategoryRestriction,
    hasSeverity: boolean,
  ): void {
    this.adding.set(null);
    this.errors.set({});
    this.draft = { code: category.code, hasSeverity, label: category.label, parentId: parent?.id ?? null, restriction };
    this.editing.set(category.id);
  }

  protected startAdd(parent: IncidentCategoryResponse | null): void {
    this.editing.set(null);
    this.errors.set({});
    this.draft = parent ? { ...emptyDraft(parent.id), hasSeverity: parent.hasSeverity, restriction: parent.restriction } : emptyDraft();
    this.adding.set(parent?.id ?? 'top');
  }

  protected cancel(): void {
    this.editing.set(null);
    this.adding.set(null);
  }

  protected async save(id: string | null, active = true): Promise<void> {
    const request: UpsertIncidentCategoryRequest = { ...this.draft, active };
    await this.run(async () => {
      if (!id) {
        this.categories.set(await this.api.createCategory(request));
        this.cancel();
        return $localize`:@@incidentSettings.created:Kategorien er lagt til.`;
      }
      const result = await this.api.updateCategory(id, request);
      this.cancel();
      if ('categories' in result) {
        this.categories.set(result.categories);
        return $localize`:@@incidentSettings.saved:Kategorien er lagret.`;
      }
      await this.reload();
      return this.pendingText(result.pending);
    });
  }

  /** "Venter på godkjenning fra personvernombudet" (or the HMS advisor). */
  protected pendingText(change: CategoryRestrictionChangeResponse): string {
    return change.approverRole === 'dpo'
      ? $localize`:@@incidentSettings.pendingDpo:Venter på godkjenning fra personvernombudet`
      : $localize`:@@incidentSettings.pendingHms:Venter på godkjenning fra HMS-rådgiver`;
  }

  /** The pending restriction change of a category, if any. */
  protected pendingFor(categoryId: string): CategoryRestrictionChangeResponse | undefined {
    return this.pending().find((change) => change.category.id === categoryId);
  }

  private async reload(): Promise<void> {
    const [categories, pending] = await Promise.all([this.api.categories(), this.api.restrictionChanges('pending')]);
    this.categories.set(categories);
    this.pending.set(pending);
  }

  protected async setActive(
    category: { id: string; code: string; label: string; active: boolean },
    parent: IncidentCategoryResponse | null,
    restriction: CategoryRestriction,
    hasSeverity: boolean,
  ): Promise<void> {
    const request: UpsertIncidentCategoryRequest = {
      active: !category.active,
      code: category.code,
      hasSeverity,
      label: category.label,
      parentId: parent?.id ?? null,
      restriction,
    };
    await this.run(async () => {
      const result = await this.api.updateCategory(category.id, request);
      if ('categories' in result) this.categories.set(result.categories);
      else await this.reload();
      return category.active
        ? $localize`:@@incidentSettings.retired:${category.label}:label: kan ikke lenger velges i nye meldinger.`
        : $localize`:@@incidentSettings.reactivated:${category.label}:label: kan velges igjen.`;
    });
  }

  protected async saveDeadlines(): Promise<void> {
    const deadlines = this.deadlines();
    if (!deadlines) return;
    await this.run(async () => {
      const response = await this.api.saveSettings({ deadlines });
      this.saved.set(response);
      this.deadlines.set(copyDeadlines(response.deadlines));
      return $localize`:@@incidentSettings.deadlinesSaved:Fristene er lagret. De gjelder nye saker.`;
    });
  }

  private async run(action: () => Promise<string>): Promise<void> {
    this.error.set(null);
    this.status.set(null);
    this.errors.set({});
    try {
      this.status.set(await action());
    } catch (error) {
      this.errors.set(fieldErrors(error));
      this.error.set(errorMessage(error));
    }
  }
}
