import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { WorkshopDimensionResult } from '@helhet/shared';

import type { ScaleOption } from '../workshop-labels';

interface Bar {
  rank: number;
  label: string;
  count: number;
  x: number;
  y: number;
  height: number;
  outlier: boolean;
  median: boolean;
}

const WIDTH = 360;
const HEIGHT = 170;
const TOP = 22;
const BOTTOM = 40;
const SIDE = 8;

let nextId = 0;

/**
 * The votes of one dimension after reveal: an SVG bar chart (votes per rank, the median marked with a
 * dashed line, outlier ranks hatched) with a text alternative, and the same facts as visible text.
 * Nothing is told by colour alone.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'hh-vote-distribution',
  styles: `
    :host {
      display: block;
    }
    svg {
      width: 100%;
      max-width: 520px;
      height: auto;
      display: block;
    }
    .bar {
      fill: var(--mat-sys-primary);
    }
    .bar.outlier {
      stroke: #8c1d18;
      stroke-width: 2;
    }
    .axis {
      stroke: var(--mat-sys-outline);
    }
    .count {
      font-size: 14px;
      font-weight: 700;
      fill: var(--mat-sys-on-surface);
    }
    .rank {
      font-size: 14px;
      fill: var(--mat-sys-on-surface);
    }
    .median-line {
      stroke: #7a4100;
      stroke-width: 2;
      stroke-dasharray: 6 4;
    }
    .median-text {
      font-size: 12px;
      font-weight: 700;
      fill: #7a4100;
    }
    .summary {
      margin: 4px 0 0;
      padding: 0;
      list-style: none;
    }
    .summary li {
      margin: 2px 0;
    }
    .flag {
      font-weight: 700;
      color: #8c1d18;
    }
    .flag::before {
      content: '⚑ ';
    }
  `,
  template: `
    <svg [attr.viewBox]="'0 0 ' + width + ' ' + height" role="img" [attr.aria-labelledby]="titleId + ' ' + descId">
      <title [attr.id]="titleId">{{ title() }}</title>
      <desc [attr.id]="descId">{{ description() }}</desc>
      <defs>
        <pattern [attr.id]="hatchId" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fdecea" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#8c1d18" stroke-width="3" />
        </pattern>
      </defs>
      <line class="axis" [attr.x1]="side" [attr.x2]="width - side" [attr.y1]="height - bottom" [attr.y2]="height - bottom" />
      @for (bar of bars(); track bar.rank) {
        <rect
          class="bar"
          [class.outlier]="bar.outlier"
          [style.fill]="bar.outlier ? 'url(#' + hatchId + ')' : null"
          [attr.x]="bar.x"
          [attr.y]="bar.y"
          [attr.width]="barWidth()"
          [attr.height]="bar.height"
          rx="3"
        />
        <text class="count" text-anchor="middle" [attr.x]="bar.x + barWidth() / 2" [attr.y]="bar.y - 5">{{ bar.count }}</text>
        <text class="rank" text-anchor="middle" [attr.x]="bar.x + barWidth() / 2" [attr.y]="height - bottom + 18">
          {{ bar.rank }}{{ bar.outlier ? ' ⚑' : '' }}
        </text>
      }
      @if (medianX(); as x) {
        <line class="median-line" [attr.x1]="x" [attr.x2]="x" [attr.y1]="top + 2" [attr.y2]="height - bottom" />
        <text class="median-text" text-anchor="middle" [attr.x]="x" [attr.y]="height - 4" i18n="@@workshop.chartMedian">Median</text>
      }
    </svg>
    <ul class="summary">
      <li>{{ medianText() }}</li>
      <li>{{ spreadText() }}</li>
      @if (outlierText(); as text) {
        <li class="flag">{{ text }}</li>
      }
    </ul>
  `,
})
export class VoteDistributionComponent {
  readonly result = input.required<WorkshopDimensionResult>();
  readonly levels = input.required<ScaleOption[]>();
  readonly dimensionLabel = input.required<string>();

  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly top = TOP;
  protected readonly bottom = BOTTOM;
  protected readonly side = SIDE;
  private readonly id = nextId++;
  protected readonly titleId = `vote-chart-title-${this.id}`;
  protected readonly descId = `vote-chart-desc-${this.id}`;
  protected readonly hatchId = `vote-chart-hatch-${this.id}`;

  private readonly counts = computed(() => {
    const counts = new Map<number, number>();
    for (const vote of this.result().votes) counts.set(vote.value, (counts.get(vote.value) ?? 0) + 1);
    return counts;
  });

  protected readonly barWidth = computed(() => (WIDTH - 2 * SIDE) / Math.max(1, this.levels().length) - 12);

  protected readonly bars = computed<Bar[]>(() => {
    const levels = this.levels();
    const counts = this.counts();
    const max = Math.max(1, ...counts.values());
    const slot = (WIDTH - 2 * SIDE) / Math.max(1, levels.length);
    const plot = HEIGHT - TOP - BOTTOM;
    const outliers = new Set(this.result().outliers);
    const median = this.result().median;
    return levels.map((level, index) => {
      const count = counts.get(level.rank) ?? 0;
      const height = (count / max) * plot;
      return {
        count,
        height,
        label: level.label,
        median: median === level.rank,
        outlier: outliers.has(level.rank),
        rank: level.rank,
        x: SIDE + index * slot + 6,
        y: HEIGHT - BOTTOM - height,
      };
    });
  });

  /** The median may fall between two ranks (an even number of votes): the line is drawn there. */
  protected readonly medianX = computed(() => {
    const median = this.result().median;
    const levels = this.levels();
    if (median === null || levels.length === 0) return null;
    const slot = (WIDTH - 2 * SIDE) / levels.length;
    const index = median - (levels[0]?.rank ?? 1);
    return SIDE + index * slot + slot / 2;
  });

  private levelName(rank: number): string {
    const level = this.levels().find((option) => option.rank === rank);
    return level ? `${rank} – ${level.label}` : String(rank);
  }

  private medianName(median: number): string {
    return Number.isInteger(median) ? this.levelName(median) : String(median).replace('.', ',');
  }

  protected readonly title = computed(() => $localize`:@@workshop.chartTitle:Stemmer for ${this.dimensionLabel()}:dimension:`);

  protected readonly description = computed(() => {
    const perRank = this.bars()
      .map((bar) => $localize`:@@workshop.chartBar:${this.levelName(bar.rank)}:level:: ${bar.count}:count:`)
      .join('; ');
    return [perRank, this.medianText(), this.spreadText(), this.outlierText()].filter(Boolean).join('. ');
  });

  protected readonly medianText = computed(() => {
    const { count, median } = this.result();
    if (count === 0 || median === null) return $localize`:@@workshop.noVotes:Ingen stemmer.`;
    return $localize`:@@workshop.medianText:Median ${this.medianName(median)}:median: av ${count}:count: stemmer`;
  });

  protected readonly spreadText = computed(() => {
    const { max, min, spread } = this.result();
    if (spread === null || min === null || max === null) return '';
    if (spread === 0) return $localize`:@@workshop.spreadNone:Alle stemte likt (spredning 0)`;
    return $localize`:@@workshop.spreadText:Spredning ${spread}:spread: (fra ${min}:min: til ${max}:max:)`;
  });

  protected readonly outlierText = computed(() => {
    const result = this.result();
    if (result.outliers.length === 0) return '';
    const names = result.votes
      .filter((vote) => result.outliers.includes(vote.value) && vote.displayName)
      .map((vote) => `${vote.displayName} (${vote.value})`);
    const ranks = result.outliers.map((rank) => this.levelName(rank)).join(', ');
    return names.length > 0
      ? $localize`:@@workshop.outliersNamed:Avvikende stemmer: ${ranks}:ranks: – ${names.join(', ')}:names:`
      : $localize`:@@workshop.outliers:Avvikende stemmer: ${ranks}:ranks:`;
  });
}
