import type { RiskBand, ScaleSet } from './scale-set';

/**
 * The risk of one matrix cell: the band the scale's data assigns to it (code, labels, colours,
 * acceptance text) and where it sits. API, web and PDF all take it from `riskLevel`, so a cell can
 * never show one colour on screen and another in print.
 */
export interface RiskLevel extends RiskBand {
  /** Position of the band in `matrix.bands`, 1-based: a higher number is less acceptable. */
  readonly bandRank: number;
  readonly likelihoodRank: number;
  readonly consequenceRank: number;
}

const assertRank = (scale: ScaleSet, axis: 'likelihood' | 'consequence', rank: number): void => {
  const max = scale.matrix.size[axis];
  if (!Number.isInteger(rank) || rank < 1 || rank > max) {
    throw new RangeError(`${axis} rank ${rank} is outside scale '${scale.code}' v${scale.version} (1..${max})`);
  }
};

/**
 * The risk level of a likelihood and a consequence on `scale` (domain.md §2.5: risk is the combination
 * of the two; which combination is acceptable is the kommune's matrix). The band is read from the
 * scale's cell grid, never computed, so tenant matrices need no code.
 *
 * Residual risk (after measures, §2.5) is this same function on the residual ranks.
 *
 * @throws RangeError when a rank is not an integer within the scale (1..size).
 * @throws Error when the cell has no known band — a scale `validateScaleSet` would have rejected.
 */
export const riskLevel = (scale: ScaleSet, likelihoodRank: number, consequenceRank: number): RiskLevel => {
  assertRank(scale, 'likelihood', likelihoodRank);
  assertRank(scale, 'consequence', consequenceRank);
  const { bands, cells } = scale.matrix;
  const code = cells[likelihoodRank - 1]?.[consequenceRank - 1];
  const index = bands.findIndex((candidate) => candidate.code === code);
  const band = bands[index];
  if (!band) {
    throw new Error(
      `scale '${scale.code}' v${scale.version} has no valid band in cell (${likelihoodRank}, ${consequenceRank}); see validateScaleSet`,
    );
  }
  return {
    acceptanceEn: band.acceptanceEn,
    acceptanceNb: band.acceptanceNb,
    bandRank: index + 1,
    code: band.code,
    colour: band.colour,
    consequenceRank,
    labelEn: band.labelEn,
    labelNb: band.labelNb,
    likelihoodRank,
    textColour: band.textColour,
  };
};

/** One assessed consequence of a scenario (domain.md §7.1 `ConsequenceAssessment`), by type code and rank. */
export interface ConsequenceRating {
  readonly typeCode: string;
  readonly rank: number;
}

/** The risk of a scenario through one consequence type (or the type that decides a group or the whole). */
export interface TypeRisk {
  readonly typeCode: string;
  readonly valueGroup: string;
  readonly level: RiskLevel;
}

export interface ScenarioRisk {
  /** One entry per rating, in the order given. */
  readonly perType: readonly TypeRisk[];
  /** The worst type of each value group that has ratings, in the scale's value-group order: one matrix per societal value. */
  readonly perValueGroup: readonly TypeRisk[];
  /** The worst type overall: the scenario's risk and its place in the overall matrix. Null when nothing is rated yet. */
  readonly overall: TypeRisk | null;
}

/** `a` is worse than `b`: a less acceptable band, or the same band at a higher consequence. */
const worse = (a: TypeRisk, b: TypeRisk): boolean =>
  a.level.bandRank > b.level.bandRank || (a.level.bandRank === b.level.bandRank && a.level.consequenceRank > b.level.consequenceRank);

/**
 * The risk of a scenario (uønsket hendelse) from its likelihood and its consequence per type.
 *
 * Rule (domain.md §2.4): a scenario's risk is the **worst** of its consequence types — never a sum or an
 * average, which would let a scenario with many deaths but no economic loss look "medium". Each type is
 * placed in the matrix with the scenario's one likelihood; the overall risk is the type with the least
 * acceptable band, ties going to the higher consequence. On a monotonic matrix (see `validateScaleSet`)
 * that is exactly "the maximum consequence over types", the placement §2.4 prescribes; the same rule per
 * value group gives the one-matrix-per-societal-value view kommune ROS reports use.
 *
 * Residual risk is this same function on the residual likelihood and consequences.
 *
 * @throws RangeError when a rank is outside the scale or a type code is not one of the scale's types.
 */
export const scenarioRisk = (scale: ScaleSet, likelihoodRank: number, consequences: readonly ConsequenceRating[]): ScenarioRisk => {
  const perType = consequences.map((rating): TypeRisk => {
    const type = scale.consequenceTypes.find((candidate) => candidate.code === rating.typeCode);
    if (!type) throw new RangeError(`consequence type '${rating.typeCode}' is not in scale '${scale.code}' v${scale.version}`);
    return { level: riskLevel(scale, likelihoodRank, rating.rank), typeCode: type.code, valueGroup: type.valueGroup };
  });
  const worst = (risks: readonly TypeRisk[]): TypeRisk | null =>
    risks.reduce<TypeRisk | null>((acc, risk) => (acc === null || worse(risk, acc) ? risk : acc), null);
  const perValueGroup = scale.valueGroups
    .map((group) => worst(perType.filter((risk) => risk.valueGroup === group.code)))
    .filter((risk): risk is TypeRisk => risk !== null);
  return { overall: worst(perType), perType, perValueGroup };
};

/** Anything placed in a matrix: a scenario's overall position, an HMS risk item, a residual position. */
export interface MatrixPosition {
  readonly likelihoodRank: number;
  readonly consequenceRank: number;
}

/**
 * How many items sit in each cell: `counts[likelihoodRank - 1][consequenceRank - 1]`, a full
 * size.likelihood × size.consequence grid (zeros included) that sums to `items.length`. Used by the risk
 * register and the dashboards. Items not yet assessed must be left out by the caller: every item given
 * is counted, none is dropped silently.
 *
 * @throws RangeError when an item's rank is outside the scale.
 */
export const heatMap = (scale: ScaleSet, items: readonly MatrixPosition[]): number[][] => {
  const { size } = scale.matrix;
  const counts = Array.from({ length: size.likelihood }, () => new Array<number>(size.consequence).fill(0));
  for (const item of items) {
    assertRank(scale, 'likelihood', item.likelihoodRank);
    assertRank(scale, 'consequence', item.consequenceRank);
    const row = counts[item.likelihoodRank - 1];
    if (row) row[item.consequenceRank - 1] = (row[item.consequenceRank - 1] ?? 0) + 1;
  }
  return counts;
};
