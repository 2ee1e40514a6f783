import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { type Page, PERMISSIONS, type Role, ROLES, type UserSummary } from '@helhet/shared';

import { AuthService } from '../../../core/auth/auth.service';
import { errorMessage } from '../../../core/http-error';
import { ROLE_LABELS, STATUS_LABELS } from '../../../core/i18n/labels';
import { LOCALIZED_PAGINATOR } from '../../../core/i18n/paginator-intl';
import { UsersApi } from '../users.api';

/** Users in the caller's scope: search, filter by role, page through. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
  ],
  providers: [LOCALIZED_PAGINATOR],
  selector: 'hh-user-list',
  styleUrl: './user-list.component.scss',
  templateUrl: './user-list.component.html',
})
export class UserListComponent {
  private readonly api = inject(UsersApi);
  private readonly auth = inject(AuthService);
  protected readonly canManage = this.auth.hasPermission(PERMISSIONS.usersManage);
  /** Administrators and the management line see (and may filter by) roles; users.read alone does not. */
  protected readonly canSeeRoles = this.canManage || this.auth.hasPermission(PERMISSIONS.incidentsHandle);
  protected readonly roles = ROLES.map((id) => ({ id, label: ROLE_LABELS[id]() }));
  /** Roles and status only where the API shows them (admin and line views, users.contract.ts). */
  protected readonly columns = computed(() =>
    this.page()?.items.some((user) => user.view !== 'basic') ? ['name', 'unit', 'roles', 'status'] : ['name', 'unit'],
  );
  protected readonly page = signal<Page<UserSummary> | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly q = signal('');
  protected readonly role = signal<Role | ''>('');
  private pageIndex = 0;
  private pageSize = 25;
  protected readonly roleLabel = (role: Role) => ROLE_LABELS[role]();
  protected readonly statusLabel = (user: UserSummary) => (user.status ? STATUS_LABELS[user.status]() : '–');

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.error.set(null);
    try {
      this.page.set(
        await this.api.list({
          page: this.pageIndex + 1,
          pageSize: this.pageSize,
          q: this.q().trim() || undefined,
          role: this.role() || undefined,
        }),
      );
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  protected filter(): void {
    this.pageIndex = 0;
    void this.load();
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex = event.pageIndex;
    this.pageSize = event.pageSize;
    void this.load();
  }
}
