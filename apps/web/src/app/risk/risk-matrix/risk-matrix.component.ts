import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { ScaleSet } from '@helhet/domain';

import { threeLevel } from '../risk-labels';
import { type CellPosition, matrixArrows, type MatrixCell, type MatrixMarker, matrixRows } from './risk-matrix.model';

let nextId = 0;

/**
 * A risk matrix drawn from a scale's data (bands, colours, axis labels). Two uses:
 * - `counts` (risk register heat map): each cell is a button with its count; choosing one emits `cellSelected`.
 * - `markers` (an analysis's risk picture): numbered scenarios at their current cell, a hollow marker and an arrow
 *   to the residual cell, and a dashed ring with "?" for high uncertainty — with a table alternative.
 * The band is always shown as text as well as colour.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'hh-risk-matrix',
  styleUrl: './risk-matrix.component.scss',
  templateUrl: './risk-matrix.component.html',
})
export class RiskMatrixComponent {
  readonly scale = input.required<ScaleSet>();
  /** counts[likelihoodRank - 1][consequenceRank - 1]; when given, the matrix is a heat map of buttons. */
  readonly counts = input<readonly (readonly number[])[] | null>(null);
  readonly markers = input<readonly MatrixMarker[]>([]);
  readonly selected = input<CellPosition | null>(null);
  /** Heading of the matrix (also the name of the table alternative). */
  readonly caption = input.required<string>();
  readonly cellSelected = output<CellPosition>();

  protected readonly uid = `risk-matrix-${++nextId}`;
  protected readonly heatMode = computed(() => this.counts() !== null);
  protected readonly rows = computed(() => matrixRows(this.scale(), this.counts(), this.markers()));
  protected readonly arrows = computed(() => matrixArrows(this.scale(), this.markers()));
  protected readonly columns = computed(() => this.scale().matrix.size.consequence);
  protected readonly lines = computed(() => this.scale().matrix.size.likelihood);
  protected readonly viewBox = computed(() => `0 0 ${this.columns() * 100} ${this.lines() * 100}`);
  protected readonly level = threeLevel;

  protected isSelected(cell: MatrixCell): boolean {
    const selected = this.selected();
    return !!selected && selected.likelihoodRank === cell.likelihoodRank && selected.consequenceRank === cell.consequenceRank;
  }

  protected select(cell: MatrixCell): void {
    this.cellSelected.emit({ consequenceRank: cell.consequenceRank, likelihoodRank: cell.likelihoodRank });
  }

  protected cellPrefix(row: { label: string }, cell: MatrixCell): string {
    const consequence =
      this.scale().consequenceLevels.find((level) => level.rank === cell.consequenceRank)?.labelNb ?? String(cell.consequenceRank);
    const likelihood = row.label;
    return $localize`:@@riskRegister.cellPrefix:Sannsynlighet ${likelihood}:LIKELIHOOD:, konsekvens ${consequence}:CONSEQUENCE::`;
  }

  protected countUnit(count: number): string {
    return count === 1 ? $localize`:@@riskRegister.oneRisk:risiko` : $localize`:@@riskRegister.manyRisks:risikoer`;
  }

  protected likelihoodLabel(rank: number): string {
    return this.scale().likelihoodLevels.find((level) => level.rank === rank)?.labelNb ?? String(rank);
  }

  protected consequenceLabel(rank: number): string {
    return this.scale().consequenceLevels.find((level) => level.rank === rank)?.labelNb ?? String(rank);
  }

  /** Arrow end pulled back from the cell centre so the head does not hide the residual marker. */
  protected shorten(arrow: { x1: number; y1: number; x2: number; y2: number }): { x1: number; y1: number; x2: number; y2: number } {
    const dx = arrow.x2 - arrow.x1;
    const dy = arrow.y2 - arrow.y1;
    const length = Math.hypot(dx, dy) || 1;
    const cut = Math.min(0.3, length / 3);
    return {
      x1: (arrow.x1 + (dx / length) * cut) * 100,
      x2: (arrow.x2 - (dx / length) * cut) * 100,
      y1: (arrow.y1 + (dy / length) * cut) * 100,
      y2: (arrow.y2 - (dy / length) * cut) * 100,
    };
  }
}
