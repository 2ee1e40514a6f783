import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';

import { ROUTES } from '../../core/route-paths';
import { OrganisationApi } from '../../organisation/organisation.api';
import { UnitPickerComponent } from '../../organisation/unit-picker/unit-picker.component';
import { type IncidentStatsFilterKey, IncidentStatsStore } from './incident-stats.store';

/** Dark enough for 3:1 against white (WCAG 1.4.11); segments are also separated by a white line. */
const PALETTE = [
  '#1f5fa8',
  '#b3541e',
  '#2e7d32',
  '#8e24aa',
  '#c62828',
  '#00796b',
  '#6d4c41',
  '#ad1457',
  '#455a64',
  '#8a6d00',
  '#3949ab',
  '#5d7f00',
];

const CHART = { bottom: 44, height: 300, left: 44, minBarSlot: 44, right: 12, top: 12 };

/** A round top for the y axis whose quarters (the grid lines) are round whole numbers. */
const niceMax = (value: number): number => {
  const quarter = Math.max(1, value / 4);
  const power = 10 ** Math.floor(Math.log10(quarter));
  const steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((factor) => factor * power).filter(Number.isInteger);
  return 4 * (steps.find((step) => step >= quarter) ?? 10 * power);
};

const intlLocale = (): string => ($localize.locale === 'en' ? 'en-GB' : 'nb-NO');

/** Avvik per month by category: a stacked bar chart (inline SVG) and the same numbers as a table. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, RouterLink, UnitPickerComponent],
  providers: [IncidentStatsStore],
  selector: 'hh-incident-stats',
  styleUrl: './incident-stats.component.scss',
  templateUrl: './incident-stats.component.html',
})
export class IncidentStatsComponent {
  private readonly organisation = inject(OrganisationApi);
  private readonly store = inject(IncidentStatsStore);

  /** The filters in the URL (bound by the store). */
  protected readonly filters = this.store.filters;
  protected readonly stats = this.store.result;
  protected readonly loading = this.store.loading;
  protected readonly error = this.store.error;
  protected readonly unitName = signal<string | null>(null);
  protected readonly pickerKey = signal(0);
  protected readonly unitLabel = $localize`:@@incidentStats.unit:Enhet (med underenheter)`;
  protected readonly listPath = `/${ROUTES.incidents}`;

  protected readonly grandTotal = computed(() => (this.stats()?.totals ?? []).reduce((sum, n) => sum + n, 0));
  protected readonly monthLabels = computed(() => (this.stats()?.months ?? []).map((month) => this.monthLabel(month)));

  protected readonly chart = computed(() => {
    const stats = this.stats();
    if (!stats || stats.rows.length === 0) return null;
    const slots = stats.months.length;
    const width = Math.max(640, CHART.left + CHART.right + slots * CHART.minBarSlot);
    const plotWidth = width - CHART.left - CHART.right;
    const plotHeight = CHART.height - CHART.top - CHART.bottom;
    const max = niceMax(Math.max(...stats.totals, 1));
    const slot = plotWidth / slots;
    const barWidth = Math.min(40, slot * 0.7);
    const y = (value: number) => CHART.top + plotHeight - (value / max) * plotHeight;
    const bars = stats.months.map((month, index) => {
      let base = 0;
      const segments = stats.rows
        .map((row, rowIndex) => ({ color: PALETTE[rowIndex % PALETTE.length], count: row.counts[index] ?? 0, label: row.label }))
        .filter((segment) => segment.count > 0)
        .map((segment) => {
          const top = y(base + segment.count);
          const height = y(base) - top;
          base += segment.count;
          return { ...segment, height, y: top };
        });
      return {
        label: this.monthLabels()[index],
        segments,
        total: stats.totals[index] ?? 0,
        x: CHART.left + index * slot + (slot - barWidth) / 2,
      };
    });
    const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => ({ label: String(Math.round(max * share)), y: y(max * share) }));
    return {
      barWidth,
      bars,
      height: CHART.height,
      labelY: CHART.height - CHART.bottom + 18,
      left: CHART.left,
      right: width - CHART.right,
      ticks,
      width,
    };
  });

  protected readonly legend = computed(() =>
    (this.stats()?.rows ?? []).map((row, index) => ({ color: PALETTE[index % PALETTE.length], label: row.label, total: row.total })),
  );

  /** What the chart shows, for screen readers (the table below has every number). */
  protected readonly summary = computed(() => {
    const stats = this.stats();
    if (!stats || stats.months.length === 0) return '';
    const first = this.monthLabel(stats.months[0] ?? '', true);
    const last = this.monthLabel(stats.months.at(-1) ?? '', true);
    const total = this.grandTotal();
    const peak = Math.max(...stats.totals);
    const peakMonth = this.monthLabel(stats.months[stats.totals.indexOf(peak)] ?? '', true);
    const biggest = [...stats.rows].sort((a, b) => b.total - a.total)[0];
    const biggestLabel = biggest?.label ?? '–';
    return $localize`:@@incidentStats.chartSummary:Stolpediagram over avvik per måned fra ${first}:FIRST: til ${last}:LAST:, fordelt på kategori. Totalt ${total}:TOTAL: avvik. Flest i ${peakMonth}:PEAK_MONTH: (${peak}:PEAK:). Største kategori: ${biggestLabel}:BIGGEST:. Tallene står i tabellen under.`;
  });

  constructor() {
    effect(() => void this.loadUnitName(this.filters().unit));
  }

  protected monthLabel(month: string, long = false): string {
    const [year = 0, number = 1] = month.split('-').map(Number);
    if (!year) return month;
    return new Intl.DateTimeFormat(intlLocale(), { month: long ? 'long' : 'short', year: long ? 'numeric' : '2-digit' }).format(
      new Date(year, number - 1, 15),
    );
  }

  protected setParam(key: IncidentStatsFilterKey, value: string | null): void {
    this.store.setFilter(key, value);
  }

  protected pickUnit(id: string): void {
    if (id) this.setParam('unit', id);
  }

  protected clearUnit(): void {
    this.pickerKey.update((key) => key + 1);
    this.setParam('unit', null);
  }

  protected retry(): void {
    this.store.reload();
  }

  private async loadUnitName(id: string | undefined): Promise<void> {
    this.unitName.set(null);
    if (!id) return;
    try {
      this.unitName.set((await this.organisation.get(id)).name);
    } catch {
      this.unitName.set($localize`:@@incidentStats.unknownUnit:Ukjent enhet`);
    }
  }
}
