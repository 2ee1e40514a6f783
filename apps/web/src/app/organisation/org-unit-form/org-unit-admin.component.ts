import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { type FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import {
  DELEGATION_REASONS,
  type DelegationReason,
  ORG_LEVEL_TYPES,
  type OrgLevelType,
  type OrgUnitResponse,
  SERVICE_TYPES,
  type ServiceType,
} from '@helhet/shared';

import { UserPickerComponent } from '../../admin/users/user-picker/user-picker.component';
import { errorMessage, fieldErrors } from '../../core/http-error';
import { DELEGATION_LABELS, LEVEL_LABELS, SERVICE_LABELS } from '../../core/i18n/labels';
import { OrganisationApi } from '../organisation.api';
import { UnitPickerComponent } from '../unit-picker/unit-picker.component';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** Administrator actions on a unit: edit, add a subunit, move, deactivate. Refusals come back in Norwegian. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    UnitPickerComponent,
    UserPickerComponent,
  ],
  selector: 'hh-org-unit-admin',
  styleUrl: './org-unit-admin.component.scss',
  templateUrl: './org-unit-admin.component.html',
})
export class OrgUnitAdminComponent {
  private readonly api = inject(OrganisationApi);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  readonly unit = input.required<OrgUnitResponse>();
  readonly changed = output<void>();
  protected readonly levels = ORG_LEVEL_TYPES.filter((type) => type !== 'municipality').map((id) => ({ id, label: LEVEL_LABELS[id]() }));
  protected readonly services = SERVICE_TYPES.map((id) => ({ id, label: SERVICE_LABELS[id]() }));
  protected readonly message = signal<{ text: string; kind: 'ok' | 'error' } | null>(null);
  protected readonly serverFieldErrors = signal<Record<string, string[]>>({});
  protected readonly moveParentId = signal('');
  protected readonly standInId = signal('');
  protected readonly standInLabel = $localize`:@@orgAdmin.standIn:Stedfortreder`;
  protected readonly reasons = DELEGATION_REASONS.map((id) => ({ id, label: DELEGATION_LABELS[id]() }));
  protected readonly delegation = this.fb.group({
    reason: this.fb.control<DelegationReason>('acting'),
    validFrom: [new Date().toISOString().slice(0, 10), Validators.required],
    validTo: [''],
  });
  protected readonly moveLabel = $localize`:@@orgAdmin.newParent:Ny overordnet enhet`;
  protected readonly edit = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(CODE)]],
    levelType: this.fb.control<OrgLevelType>('unit'),
    name: ['', [Validators.required, Validators.maxLength(200)]],
    serviceType: this.fb.control<ServiceType | ''>(''),
  });
  protected readonly child = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(CODE)]],
    levelType: this.fb.control<OrgLevelType>('department'),
    name: ['', [Validators.required, Validators.maxLength(200)]],
    serviceType: this.fb.control<ServiceType | ''>(''),
  });

  constructor() {
    effect(() => {
      const unit = this.unit();
      this.edit.reset({
        code: unit.code,
        levelType: unit.levelType === 'municipality' ? 'unit' : unit.levelType,
        name: unit.name,
        serviceType: unit.serviceType ?? '',
      });
    });
  }

  protected isRoot(): boolean {
    return this.unit().parentId === null;
  }

  protected async saveEdit(): Promise<void> {
    if (this.edit.invalid) return this.edit.markAllAsTouched();
    const value = this.edit.getRawValue();
    await this.run(
      () =>
        this.api.update(this.unit().id, {
          code: value.code,
          name: value.name,
          serviceType: value.serviceType || null,
          ...(this.isRoot() ? {} : { levelType: value.levelType }),
        }),
      $localize`:@@orgAdmin.saved:Endringene er lagret.`,
    );
  }

  protected async createChild(form: FormGroupDirective): Promise<void> {
    if (this.child.invalid) return this.child.markAllAsTouched();
    const value = this.child.getRawValue();
    const created = await this.run(
      () =>
        this.api.create({
          code: value.code,
          levelType: value.levelType,
          name: value.name,
          parentId: this.unit().id,
          serviceType: value.serviceType || null,
        }),
      $localize`:@@orgAdmin.created:Underenheten er opprettet.`,
    );
    // resetForm also clears the submitted state, so the empty form does not show errors.
    if (created) form.resetForm({ code: '', levelType: 'department', name: '', serviceType: '' });
  }

  protected async saveMove(): Promise<void> {
    if (!this.moveParentId()) {
      this.message.set({ kind: 'error', text: $localize`:@@orgAdmin.pickParent:Velg enheten den skal flyttes inn under.` });
      return;
    }
    await this.run(() => this.api.move(this.unit().id, this.moveParentId()), $localize`:@@orgAdmin.moved:Enheten er flyttet.`);
  }

  /** The unit's leader is stood in for by the chosen person for a period (konstituering, holiday). */
  protected async saveDelegation(): Promise<void> {
    const leader = this.unit().leader;
    if (!leader) {
      this.message.set({ kind: 'error', text: $localize`:@@orgAdmin.noLeader:Enheten har ingen leder å stå i stedet for.` });
      return;
    }
    if (!this.standInId() || this.delegation.invalid) {
      this.message.set({ kind: 'error', text: $localize`:@@orgAdmin.pickStandIn:Velg stedfortreder og fra-dato.` });
      return;
    }
    const value = this.delegation.getRawValue();
    await this.run(
      () =>
        this.api.createDelegation({
          fromUserId: leader.id,
          orgUnitId: this.unit().id,
          reason: value.reason,
          toUserId: this.standInId(),
          validFrom: value.validFrom,
          validTo: value.validTo || null,
        }),
      $localize`:@@orgAdmin.delegated:Stedfortreder er registrert og vises i lederlinjen.`,
    );
  }

  protected async deactivate(): Promise<void> {
    await this.run(() => this.api.deactivate(this.unit().id), $localize`:@@orgAdmin.deactivated:Enheten er avsluttet fra i dag.`);
  }

  protected fieldError(field: string): string | null {
    return this.serverFieldErrors()[field]?.join(' ') ?? null;
  }

  private async run<T>(action: () => Promise<T>, success: string): Promise<T | null> {
    this.message.set(null);
    this.serverFieldErrors.set({});
    try {
      const result = await action();
      this.message.set({ kind: 'ok', text: success });
      this.changed.emit();
      return result;
    } catch (error) {
      this.serverFieldErrors.set(fieldErrors(error));
      this.message.set({ kind: 'error', text: errorMessage(error) });
      return null;
    }
  }
}
