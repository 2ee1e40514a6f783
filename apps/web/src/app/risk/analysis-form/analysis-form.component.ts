import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { RISK_ANALYSIS_TYPES, type RiskAnalysisType } from '@helhet/domain';
import {
  type CreateRiskAnalysisRequest,
  PERMISSIONS,
  type RiskAnalysisSummary,
  type RiskAnalysisTemplate,
  type ScaleSetResponse,
} from '@helhet/shared';

import { AuthService } from '../../core/auth/auth.service';
import { errorMessage, fieldErrors } from '../../core/http-error';
import { ROUTES } from '../../core/route-paths';
import { UnitPickerComponent } from '../../organisation/unit-picker/unit-picker.component';
import { RiskApi } from '../risk.api';
import { fieldReasonText, RISK_TYPE_LABELS } from '../risk-labels';
import { defaultRevisionDate, defaultScaleCode, localToday } from './analysis-form.model';

type StartFrom = 'blank' | 'copy' | 'template';

/** Create a risk analysis: type, title, unit, mandate, scale, next revision, and where to start from. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    RouterLink,
    UnitPickerComponent,
  ],
  selector: 'hh-analysis-form',
  styleUrl: './analysis-form.component.scss',
  templateUrl: './analysis-form.component.html',
})
export class AnalysisFormComponent {
  private readonly api = inject(RiskApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  /** `?copyOf=<id>` ("Lag ny versjon" on an analysis): start as the next version of that analysis. */
  private pendingCopy: RiskAnalysisSummary | null = null;

  private readonly canHolistic = this.auth.hasPermission(PERMISSIONS.riskEditHolistic);
  private readonly canOther = this.auth.hasPermission(PERMISSIONS.riskEdit) || this.canHolistic;
  protected readonly types = RISK_ANALYSIS_TYPES.filter((id) => (id === 'holistic_ros' ? this.canHolistic : this.canOther)).map((id) => ({
    id,
    label: RISK_TYPE_LABELS[id](),
  }));
  protected readonly listPath = `/${ROUTES.risk}/analyses`;
  protected readonly unitLabel = $localize`:@@analysisForm.unit:Enhet analysen gjelder`;

  protected readonly type = signal<RiskAnalysisType | ''>('');
  protected readonly title = signal('');
  protected readonly unitId = signal('');
  protected readonly mandate = signal('');
  protected readonly scaleCode = signal('');
  private readonly scaleTouched = signal(false);
  protected readonly nextRevisionAt = signal('');
  private readonly revisionTouched = signal(false);
  protected readonly startFrom = signal<StartFrom>('blank');
  protected readonly templateCode = signal('');
  protected readonly copyOfId = signal('');

  protected readonly scaleSets = signal<ScaleSetResponse[]>([]);
  protected readonly templates = signal<RiskAnalysisTemplate[] | null>(null);
  protected readonly previous = signal<RiskAnalysisSummary[]>([]);
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly serverErrors = signal<Record<string, string[]>>({});

  /** Latest version of each scale set code. */
  protected readonly scales = computed(() => {
    const latest = new Map<string, ScaleSetResponse>();
    for (const set of this.scaleSets()) if ((latest.get(set.code)?.version ?? 0) < set.version) latest.set(set.code, set);
    return [...latest.values()];
  });
  protected readonly typeTemplates = computed(() => (this.templates() ?? []).filter((template) => template.type === this.type()));
  protected readonly showTemplates = computed(() => this.typeTemplates().length > 0);
  protected readonly isHolistic = computed(() => this.type() === 'holistic_ros');

  protected readonly problems = computed(() => {
    const server = this.serverErrors();
    const required = $localize`:@@analysisForm.required:Feltet må fylles ut.`;
    const local: Record<string, string | null> = this.submitted()
      ? {
          copyOfAnalysisId:
            this.startFrom() === 'copy' && !this.copyOfId() ? $localize`:@@analysisForm.pickCopy:Velg analysen du vil kopiere.` : null,
          scopeOrgUnitId: this.unitId() ? null : $localize`:@@analysisForm.pickUnit:Velg en enhet fra listen.`,
          templateCode:
            this.startFrom() === 'template' && !this.templateCode() ? $localize`:@@analysisForm.pickTemplate:Velg en mal.` : null,
          title: this.title().trim() ? null : required,
          type: this.type() ? null : required,
        }
      : {};
    const fields = ['type', 'title', 'scopeOrgUnitId', 'mandate', 'scaleSetCode', 'nextRevisionAt', 'templateCode', 'copyOfAnalysisId'];
    return Object.fromEntries(fields.map((field) => [field, local[field] ?? fieldReasonText(server[field])])) as Record<
      string,
      string | null
    >;
  });

  constructor() {
    void this.loadReferenceData();
    const copyOf = inject(ActivatedRoute).snapshot.queryParamMap.get('copyOf');
    if (copyOf) void this.startAsNextVersion(copyOf);
    effect(() => {
      const type = this.type();
      if (!type) return;
      if (!this.scaleTouched()) this.scaleCode.set(defaultScaleCode(type));
      if (!this.revisionTouched()) this.nextRevisionAt.set(defaultRevisionDate(type, localToday()));
      this.templateCode.set('');
      this.copyOfId.set('');
      if (this.pendingCopy?.type === type) {
        this.copyOfId.set(this.pendingCopy.id);
        this.startFrom.set('copy');
        this.pendingCopy = null;
      }
      if (this.startFrom() === 'template' && !this.showTemplates()) this.startFrom.set('blank');
      void this.loadPrevious(type);
    });
  }

  protected setScale(code: string): void {
    this.scaleTouched.set(true);
    this.scaleCode.set(code);
  }

  protected setRevision(date: string): void {
    this.revisionTouched.set(true);
    this.nextRevisionAt.set(date);
  }

  protected async save(): Promise<void> {
    this.submitted.set(true);
    this.serverErrors.set({});
    const problems = this.problems();
    if (Object.values(problems).some((problem) => problem !== null)) {
      this.error.set($localize`:@@analysisForm.fixFields:Noen felt er ikke riktig fylt ut. Se meldingene ved feltene.`);
      return;
    }
    const type = this.type() as RiskAnalysisType;
    const body: CreateRiskAnalysisRequest = {
      mandate: this.mandate().trim() || null,
      nextRevisionAt: this.nextRevisionAt() || null,
      scaleSetCode: this.scaleCode() || undefined,
      scopeOrgUnitId: this.unitId(),
      title: this.title().trim(),
      type,
      ...(this.startFrom() === 'template' ? { templateCode: this.templateCode() } : {}),
      ...(this.startFrom() === 'copy' ? { copyOfAnalysisId: this.copyOfId() } : {}),
    };
    this.busy.set(true);
    this.error.set(null);
    try {
      const created = await this.api.create(body);
      await this.router.navigate(['/', ROUTES.risk, 'analyses', created.id]);
    } catch (error) {
      this.serverErrors.set(fieldErrors(error));
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  private async loadReferenceData(): Promise<void> {
    try {
      this.scaleSets.set(await this.api.scaleSets());
    } catch (error) {
      this.error.set(errorMessage(error));
    }
    try {
      this.templates.set(await this.api.templates());
    } catch {
      this.templates.set(null); // No templates endpoint (yet): the option is hidden.
    }
  }

  private async startAsNextVersion(id: string): Promise<void> {
    try {
      const previous = await this.api.analysis(id);
      this.pendingCopy = previous;
      this.title.set(previous.title);
      this.unitId.set(previous.scopeOrgUnit.id);
      this.mandate.set(previous.mandate ?? '');
      this.type.set(previous.type);
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  private async loadPrevious(type: RiskAnalysisType): Promise<void> {
    try {
      const page = await this.api.analyses({ pageSize: 100, type });
      if (this.type() === type) this.previous.set(page.items);
    } catch {
      this.previous.set([]);
    }
  }
}
