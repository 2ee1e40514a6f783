import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChildren } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { OrgUnitSummary } from '@helhet/shared';

import { errorMessage } from '../../core/http-error';
import { LEVEL_LABELS } from '../../core/i18n/labels';
import { OrganisationApi } from '../organisation.api';

interface Row {
  unit: OrgUnitSummary;
  level: number;
  expanded: boolean;
  loading: boolean;
}

/**
 * The organisation tree, loaded level by level (a sector leader sees their sector, the kommunedirektør
 * the whole kommune). Keyboard per the WAI-ARIA tree pattern: arrows, Home/End, Enter opens the unit.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, RouterLink],
  selector: 'hh-org-tree',
  styleUrl: './org-tree.component.scss',
  templateUrl: './org-tree.component.html',
})
export class OrgTreeComponent {
  private readonly api = inject(OrganisationApi);
  private readonly router = inject(Router);
  private readonly items = viewChildren<ElementRef<HTMLElement>>('item');
  private readonly children = signal(new Map<string, OrgUnitSummary[]>());
  private readonly expandedIds = signal(new Set<string>());
  private readonly loadingIds = signal(new Set<string>());
  protected readonly roots = signal<OrgUnitSummary[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly query = signal('');
  protected readonly results = signal<OrgUnitSummary[] | null>(null);
  protected readonly focusedId = signal<string | null>(null);
  protected readonly levelLabel = (unit: OrgUnitSummary) => LEVEL_LABELS[unit.levelType]();

  protected readonly rows = computed<Row[]>(() => {
    const rows: Row[] = [];
    const walk = (units: OrgUnitSummary[], level: number) => {
      for (const unit of units) {
        const expanded = this.expandedIds().has(unit.id);
        rows.push({ expanded, level, loading: this.loadingIds().has(unit.id), unit });
        if (expanded) walk(this.children().get(unit.id) ?? [], level + 1);
      }
    };
    walk(this.roots() ?? [], 1);
    return rows;
  });

  constructor() {
    void this.loadRoots();
  }

  private async loadRoots(): Promise<void> {
    try {
      const page = await this.api.list({ pageSize: 200 });
      this.roots.set(page.items);
      this.focusedId.set(page.items[0]?.id ?? null);
      // One root (a sector or the kommune): open it so the first level is visible at once.
      if (page.items.length === 1 && page.items[0]) await this.expand(page.items[0]);
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  protected async toggle(unit: OrgUnitSummary): Promise<void> {
    if (this.expandedIds().has(unit.id)) this.collapse(unit.id);
    else await this.expand(unit);
  }

  private async expand(unit: OrgUnitSummary): Promise<void> {
    if (unit.childCount === 0) return;
    if (!this.children().has(unit.id)) {
      this.loadingIds.update((ids) => new Set(ids).add(unit.id));
      try {
        const page = await this.api.list({ pageSize: 200, parentId: unit.id });
        this.children.update((map) => new Map(map).set(unit.id, page.items));
      } catch (error) {
        this.error.set(errorMessage(error));
      } finally {
        this.loadingIds.update((ids) => {
          const next = new Set(ids);
          next.delete(unit.id);
          return next;
        });
      }
    }
    this.expandedIds.update((ids) => new Set(ids).add(unit.id));
  }

  private collapse(id: string): void {
    this.expandedIds.update((ids) => {
      const next = new Set(ids);
      next.delete(id);
      return next;
    });
  }

  /** A click on the arrow opens or closes the branch; anywhere else on the row opens the unit. */
  protected onClick(event: MouseEvent, unit: OrgUnitSummary): void {
    if ((event.target as HTMLElement).classList.contains('toggle')) void this.toggle(unit);
    else this.open(unit);
  }

  protected open(unit: OrgUnitSummary): void {
    void this.router.navigate(['/organisation', unit.id]);
  }

  protected async onKeydown(event: KeyboardEvent, index: number): Promise<void> {
    const rows = this.rows();
    const row = rows[index];
    if (!row) return;
    const focus = (target: number) => {
      const next = rows[Math.max(0, Math.min(rows.length - 1, target))];
      if (!next) return;
      this.focusedId.set(next.unit.id);
      queueMicrotask(() => this.items()[rows.indexOf(next)]?.nativeElement.focus());
    };
    switch (event.key) {
      case 'ArrowDown':
        focus(index + 1);
        break;
      case 'ArrowUp':
        focus(index - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row.unit.childCount > 0 && !row.expanded) await this.expand(row.unit);
        else if (row.expanded) focus(index + 1);
        break;
      case 'ArrowLeft':
        if (row.expanded) this.collapse(row.unit.id);
        else focus(rows.findIndex((candidate) => candidate.unit.id === row.unit.parentId));
        break;
      case 'Enter':
      case ' ':
        this.open(row.unit);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  protected async search(): Promise<void> {
    const q = this.query().trim();
    if (q.length < 2) {
      this.results.set(null);
      return;
    }
    try {
      this.results.set((await this.api.list({ pageSize: 50, q })).items);
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
