import { type RiskBand, type ScaleSet, scenarioRisk, type ThreeLevel, type TypeRisk } from '@helhet/domain';
import type { ConsequenceAssessmentInput } from '@helhet/shared';

/** A cell position in a matrix (1-based ranks on the scale). */
export interface CellPosition {
  likelihoodRank: number;
  consequenceRank: number;
}

/** A numbered scenario in a matrix: where it is now, where the measures bring it, and how sure we are. */
export interface MatrixMarker {
  number: number;
  title: string;
  current: CellPosition & { bandLabel: string };
  residual: (CellPosition & { bandLabel: string }) | null;
  uncertainty: ThreeLevel | null;
}

/** One matrix of the risk picture: the overall one (group null) or one per societal value. */
export interface MatrixView {
  /** Value group code, or null for the overall matrix. */
  group: string | null;
  label: string;
  markers: MatrixMarker[];
}

/** The minimum of a scenario the risk picture needs (RiskScenarioResponse fits). */
export interface AssessedScenario {
  title: string;
  likelihoodRank: number | null;
  consequences: readonly ConsequenceAssessmentInput[];
  residualLikelihoodRank: number | null;
  residualConsequences: readonly ConsequenceAssessmentInput[];
  uncertainty: ThreeLevel | null;
}

const ratings = (list: readonly ConsequenceAssessmentInput[], scale: ScaleSet) =>
  list
    .filter((item) => scale.consequenceTypes.some((type) => type.code === item.typeCode))
    .map((item) => ({ rank: item.rank, typeCode: item.typeCode }));

const position = (risk: TypeRisk | null | undefined) =>
  risk ? { bandLabel: risk.level.labelNb, consequenceRank: risk.level.consequenceRank, likelihoodRank: risk.level.likelihoodRank } : null;

const safeRisk = (scale: ScaleSet, likelihood: number | null, list: readonly ConsequenceAssessmentInput[]) => {
  const rated = ratings(list, scale);
  if (!likelihood || rated.length === 0) return null;
  try {
    return scenarioRisk(scale, likelihood, rated);
  } catch {
    return null; // A rank outside the scale: the scenario is shown as not assessed rather than breaking the page.
  }
};

/**
 * The risk picture of an analysis (domain.md §2.4): one matrix per societal value that has ratings, then the
 * overall matrix. Positions and bands all come from `scenarioRisk` — nothing is computed here. Scenarios are
 * numbered 1.. in the given order; a scenario without likelihood or any consequence is left out of every matrix.
 */
export const riskPicture = (scale: ScaleSet, scenarios: readonly AssessedScenario[], overallLabel: string): MatrixView[] => {
  const assessed = scenarios.map((scenario, index) => ({
    current: safeRisk(scale, scenario.likelihoodRank, scenario.consequences),
    number: index + 1,
    residual: safeRisk(scale, scenario.residualLikelihoodRank, scenario.residualConsequences),
    scenario,
  }));
  const marker = (
    item: (typeof assessed)[number],
    pick: (risk: ReturnType<typeof scenarioRisk>) => TypeRisk | null | undefined,
  ): MatrixMarker | null => {
    const current = item.current ? position(pick(item.current)) : null;
    if (!current) return null;
    return {
      current,
      number: item.number,
      residual: item.residual ? position(pick(item.residual)) : null,
      title: item.scenario.title,
      uncertainty: item.scenario.uncertainty,
    };
  };
  const present = (markers: (MatrixMarker | null)[]) => markers.filter((m): m is MatrixMarker => m !== null);
  const groups = scale.valueGroups
    .map((group) => ({
      group: group.code,
      label: group.labelNb,
      markers: present(assessed.map((item) => marker(item, (risk) => risk.perValueGroup.find((entry) => entry.valueGroup === group.code)))),
    }))
    .filter((view) => view.markers.length > 0);
  const overall: MatrixView = {
    group: null,
    label: overallLabel,
    markers: present(assessed.map((item) => marker(item, (risk) => risk.overall))),
  };
  return scale.valueGroups.length > 1 ? [...groups, overall] : [overall];
};

/** A cell of a drawn matrix: its band from the scale's data, a count, and the markers in it. */
export interface MatrixCell extends CellPosition {
  band: RiskBand | undefined;
  count: number;
  current: MatrixMarker[];
  residual: MatrixMarker[];
}

export interface MatrixRow {
  likelihoodRank: number;
  label: string;
  cells: MatrixCell[];
}

/**
 * Rows with the most likely level on top, columns from the least to the most severe consequence. `counts` is
 * `counts[likelihoodRank - 1][consequenceRank - 1]` (the heat-map API); markers go to their current and residual cells.
 */
export const matrixRows = (
  scale: ScaleSet,
  counts: readonly (readonly number[])[] | null,
  markers: readonly MatrixMarker[],
): MatrixRow[] => {
  const bandOf = (code: string | undefined) => scale.matrix.bands.find((band) => band.code === code);
  const at = (p: CellPosition | null, l: number, c: number) => !!p && p.likelihoodRank === l && p.consequenceRank === c;
  return [...scale.likelihoodLevels]
    .sort((a, b) => b.rank - a.rank)
    .map((likelihood) => ({
      cells: scale.consequenceLevels.map((consequence) => ({
        band: bandOf(scale.matrix.cells[likelihood.rank - 1]?.[consequence.rank - 1]),
        consequenceRank: consequence.rank,
        count: counts?.[likelihood.rank - 1]?.[consequence.rank - 1] ?? 0,
        current: markers.filter((m) => at(m.current, likelihood.rank, consequence.rank)),
        likelihoodRank: likelihood.rank,
        residual: markers.filter(
          (m) => at(m.residual, likelihood.rank, consequence.rank) && !at(m.current, likelihood.rank, consequence.rank),
        ),
      })),
      label: likelihood.labelNb,
      likelihoodRank: likelihood.rank,
    }));
};

/** An arrow from a marker's current cell to its residual cell, in cell units (column 0 left, row 0 on top). */
export interface MatrixArrow {
  number: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Arrows for markers whose residual position differs from the current one; centres of cells in cell units. */
export const matrixArrows = (scale: ScaleSet, markers: readonly MatrixMarker[]): MatrixArrow[] => {
  const rows = scale.matrix.size.likelihood;
  const x = (p: CellPosition) => p.consequenceRank - 0.5;
  const y = (p: CellPosition) => rows - p.likelihoodRank + 0.5;
  return markers
    .filter(
      (m) =>
        m.residual && (m.residual.likelihoodRank !== m.current.likelihoodRank || m.residual.consequenceRank !== m.current.consequenceRank),
    )
    .map((m) => {
      const residual = m.residual as CellPosition;
      return { number: m.number, x1: x(m.current), x2: x(residual), y1: y(m.current), y2: y(residual) };
    });
};
