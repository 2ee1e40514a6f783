import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { PERMISSIONS, type Role, ROLES, type UserResponse } from '@helhet/shared';

import { AuthService } from '../../../core/auth/auth.service';
import { errorMessage } from '../../../core/http-error';
import { formatDate, ROLE_LABELS, STATUS_LABELS } from '../../../core/i18n/labels';
import { UnitPickerComponent } from '../../../organisation/unit-picker/unit-picker.component';
import { UsersApi } from '../users.api';

/** One user: roles with their scope, invitation, active or not. */
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
  protected readonly canManage = inject(AuthService).hasPermission(PERMISSIONS.usersManage);
  protected readonly user = signal<UserResponse | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly roles = ROLES.map((id) => ({ id, label: ROLE_LABELS[id]() }));
  protected readonly newRole = signal<Role>('employee');
  protected readonly newUnit = signal('');
  protected readonly includeDescendants = signal(true);
  protected readonly roleLabel = (role: Role) => ROLE_LABELS[role]();
  protected readonly statusLabel = (user: UserResponse) => STATUS_LABELS[user.status]();
  protected readonly date = (value: string | null) => formatDate(value, true);
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
    await this.act(
      () => this.api.addRole(this.id(), { includeDescendants: this.includeDescendants(), orgUnitId: this.newUnit(), role: this.newRole() }),
      $localize`:@@userDetail.roleAdded:Rollen er lagt til.`,
    );
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
