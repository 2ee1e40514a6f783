import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { AUDIT_ACTIONS, type AuditAction, type AuditLogEntryResponse, type ListAuditLogQuery, type Page } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

import { errorMessage } from '../../core/http-error';
import { toHttpParams } from '../../core/http-params';
import { AUDIT_ACTION_LABELS, ENTITY_LABELS, formatDate } from '../../core/i18n/labels';
import { LOCALIZED_PAGINATOR } from '../../core/i18n/paginator-intl';

/** The append-only audit trail: who changed what, when; each row opens to show old → new. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatPaginatorModule, MatProgressBarModule, MatSelectModule],
  providers: [LOCALIZED_PAGINATOR],
  selector: 'hh-audit-log',
  styleUrl: './audit-log.component.scss',
  templateUrl: './audit-log.component.html',
})
export class AuditLogComponent {
  private readonly http = inject(HttpClient);
  protected readonly actions = AUDIT_ACTIONS.map((id) => ({ id, label: AUDIT_ACTION_LABELS[id]() }));
  protected readonly filters = { action: '' as AuditAction | '', entityType: '', from: '', to: '' };
  protected readonly page = signal<Page<AuditLogEntryResponse> | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly expanded = signal<string | null>(null);
  private pageIndex = 0;
  private pageSize = 50;
  protected readonly actionLabel = (entry: AuditLogEntryResponse) => AUDIT_ACTION_LABELS[entry.action]();
  protected readonly entity = (entry: AuditLogEntryResponse) => ENTITY_LABELS[entry.entityType]?.() ?? entry.entityType;
  protected readonly when = (value: string) => formatDate(value, true);
  protected readonly show = (value: unknown) => (value === null || value === undefined || value === '' ? '–' : String(value));

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.error.set(null);
    const query: ListAuditLogQuery = {
      action: this.filters.action || undefined,
      entityType: this.filters.entityType || undefined,
      from: this.filters.from || undefined,
      page: this.pageIndex + 1,
      pageSize: this.pageSize,
      to: this.filters.to || undefined,
    };
    try {
      this.page.set(await firstValueFrom(this.http.get<Page<AuditLogEntryResponse>>('/api/audit-log', { params: toHttpParams(query) })));
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

  protected toggle(id: string): void {
    this.expanded.update((current) => (current === id ? null : id));
  }
}
