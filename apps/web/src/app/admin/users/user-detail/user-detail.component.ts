import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { caseContentPermissionsForRole, PERMISSIONS, type Role, ROLES, type UserResponse, type UserStatus } from '@helhet/shared';

import { AuthService } from '../../../core/auth/auth.service';
import { errorMessage } from '../../../core/http-error';
import { CASE_CONTENT_LABELS, formatDate, ROLE_LABELS, STATUS_LABELS } from '../../../core/i18n/labels';
import { UnitPickerComponent } from '../../../organisation/unit-picker/unit-picker.component';
import { UsersApi } from '../users.api';

/**
 * One user: roles with their scope, invitation, active or not. What is shown follows the API's view of the user
 * (admin: everything and the actions; line: roles; basic: name and unit).
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    UnitPickerComponent,
  ],
  selector: 'hh-user-detail',
  styleUrl: './user-detail.component.scss',
  templateUrl: './user-detail.component.html',
})
export class UserDetailComponent {
  private readonly api = inject(UsersApi);
  readonly id = input.required<string>();
  private readonly auth = inject(AuthService);
  protected readonly user = signal<UserResponse | null>(null);
  /** A watcher without users.read (the DPO following a notification) has no list to go back to. */
  protected readonly canList = this.auth.hasPermission(PERMISSIONS.usersRead);
  protected readonly canManage = computed(() => this.user()?.view === 'admin');
  /** Oneself: roles that open case content cannot be self-granted (the API refuses, ADR 0015). */
  protected readonly isSelf = computed(() => this.user()?.id === this.auth.me()?.id);
  /** What the chosen role opens of case content: shown (and confirmed) before it is granted. */
  protected readonly opens = computed(() =>
    caseContentPermissionsForRole(this.newRole()).map((permission) => CASE_CONTENT_LABELS[permission]?.() ?? permission),
  );
  protected readonly confirmOpens = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly roles = ROLES.map((id) => ({ id, label: ROLE_LABELS[id]() }));
  protected readonly newRole = signal<Role>('employee');
  protected readonly newUnit = signal('');
  protected readonly includeDescendants = signal(true);
  protected readonly roleLabel = (role: Role) => ROLE_LABELS[role]();
  protected readonly statusLabel = (status: UserStatus) => STATUS_LABELS[status]();
  protected readonly date = (value: string | null | undefined) => formatDate(value ?? null, true);
  protected readonly unitLabel = $localize`:@@userDetail.unit:Gjelder enhet`;

  constructor() {
    effect(() => void this.load(this.id()));
  }

  private async load(id: string): Promise<void> {
    try {
      this.user.set(await this.api.get(id));
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  protected async addRole(): Promise<void> {
    if (!this.newUnit()) {
      this.error.set($localize`:@@userDetail.pickUnit:Velg hvilken enhet rollen gjelder.`);
      return;
    }
    if (this.opens().length > 0 && !this.confirmOpens()) {
      this.error.set($localize`:@@userDetail.confirmOpensMissing:Bekreft at brukeren skal få tilgang til avvikssakene rollen åpner.`);
      return;
    }
    await this.act(
      () => this.api.addRole(this.id(), { includeDescendants: this.includeDescendants(), orgUnitId: this.newUnit(), role: this.newRole() }),
      this.opens().length > 0
        ? $localize`:@@userDetail.roleAddedNotified:Rollen er lagt til. Personvernombudet og kommunedirektøren er varslet.`
        : $localize`:@@userDetail.roleAdded:Rollen er lagt til.`,
    );
    this.confirmOpens.set(false);
  }

  protected removeRole(assignmentId: string): Promise<void> {
    return this.act(() => this.api.removeRole(this.id(), assignmentId), $localize`:@@userDetail.roleRemoved:Rollen er fjernet.`);
  }

  protected resend(): Promise<void> {
    return this.act(() => this.api.resendInvitation(this.id()), $localize`:@@userDetail.invited:Ny invitasjon er sendt på e-post.`);
  }

  protected setActive(active: boolean): Promise<void> {
    return this.act(
      () => this.api.update(this.id(), { active }),
      active
        ? $localize`:@@userDetail.activated:Brukeren er aktivert.`
        : $localize`:@@userDetail.deactivated:Brukeren er deaktivert og logget ut.`,
    );
  }

  private async act(action: () => Promise<unknown>, success: string): Promise<void> {
    this.error.set(null);
    this.message.set(null);
    try {
      await action();
      this.message.set(success);
      await this.load(this.id());
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
