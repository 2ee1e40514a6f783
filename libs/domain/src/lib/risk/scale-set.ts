import type { ScaleSetKind } from './risk.types';
import { SOCIETAL_VALUES } from './risk.types';

/**
 * A scale set: the likelihood scale, the consequence types with their levels, and the risk matrix, as
 * one versioned piece of data (domain.md §7.1 `ScaleSet`). A kommune sets its own scales and acceptance
 * criteria and may adapt the matrix (§2.3, §2.5), so nothing about a scale is code: a 4 × 4 matrix with
 * other colour bands is just another value of this type. Every analysis is pinned to the scale version
 * it used; assessments store ranks on that scale.
 *
 * All ranks are 1-based and count upwards: likelihood rank 1 is the least likely level, consequence
 * rank 1 the smallest consequence. Lists are in rank order (`levels[i].rank === i + 1`).
 */
export interface ScaleSet {
  /** Stable identifier of the scale (e.g. `dsb_societal`); with `version` it names one immutable scale. */
  readonly code: string;
  readonly version: number;
  readonly kind: ScaleSetKind;
  readonly nameNb: string;
  readonly nameEn: string;
  /** Where the scale comes from (guide, edition, or "own scale"), shown in the report's method chapter. */
  readonly source: string;
  /** The groups consequence types belong to; for societal scales the societal values of domain.md §2.4. */
  readonly valueGroups: readonly ValueGroup[];
  readonly likelihoodLevels: readonly LikelihoodLevel[];
  /** The consequence axis of the matrix (column headings); each type describes the same ranks in its own terms. */
  readonly consequenceLevels: readonly AxisLevel[];
  readonly consequenceTypes: readonly ConsequenceType[];
  readonly matrix: RiskMatrix;
}

export interface ValueGroup {
  readonly code: string;
  readonly labelNb: string;
  readonly labelEn: string;
}

/** A step on an axis: the heading of a matrix row or column. */
export interface AxisLevel {
  readonly code: string;
  /** 1..n, equal to the position in its list plus one. */
  readonly rank: number;
  readonly labelNb: string;
  readonly labelEn: string;
}

export interface LikelihoodLevel extends AxisLevel {
  /** What the level means, e.g. "1 gang i løpet av 10–50 år" or "Månedlig". */
  readonly descriptionNb: string;
  readonly descriptionEn: string;
  /** The probability in words, e.g. "2–10 % per år"; null when the scale gives frequencies only. */
  readonly probabilityText: string | null;
  /**
   * The annual probability as fractions (0.02 = 2 %), `max` null for "more than `min`". Neighbouring
   * levels share their end points, as the printed DSB table does: the scale supports a judgement, it is
   * not a classifier. Null when the scale gives no numbers.
   */
  readonly annualProbability: { readonly min: number; readonly max: number | null } | null;
}

export interface ConsequenceLevel extends AxisLevel {
  /** The descriptor (threshold) of this level for its type, e.g. "3–5 døde". */
  readonly descriptionNb: string;
  readonly descriptionEn: string;
}

export interface ConsequenceType {
  readonly code: string;
  /** `code` of one of the scale's `valueGroups`. */
  readonly valueGroup: string;
  readonly labelNb: string;
  readonly labelEn: string;
  /** One level per consequence rank of the matrix, in rank order. */
  readonly levels: readonly ConsequenceLevel[];
}

/** A colour band of the matrix with its acceptance criterion (domain.md §2.5). */
export interface RiskBand {
  /** Any string unique within the scale, e.g. `low`, `medium`, `high`. */
  readonly code: string;
  readonly labelNb: string;
  readonly labelEn: string;
  /** Fill of the cells in this band, `#rrggbb` (or `#rgb`). */
  readonly colour: string;
  /** Text drawn on `colour`; must reach a contrast ratio of 4.5:1 (WCAG 2.1 AA, 1.4.3), checked by `validateScaleSet`. */
  readonly textColour: string;
  /** What the band means for the kommune's acceptance criteria and the need for measures. */
  readonly acceptanceNb: string;
  readonly acceptanceEn: string;
}

export interface RiskMatrix {
  /** Number of likelihood levels (rows) and consequence levels (columns). */
  readonly size: { readonly likelihood: number; readonly consequence: number };
  /**
   * The bands from the most acceptable to the least acceptable. The list order *is* the severity order:
   * "the worst band" anywhere in the domain means the one furthest down this list.
   */
  readonly bands: readonly RiskBand[];
  /**
   * The band code of every cell: `cells[likelihoodRank - 1][consequenceRank - 1]`. Row 0 is the least
   * likely level, so a display that puts "very likely" on top draws the rows in reverse.
   */
  readonly cells: readonly (readonly string[])[];
}

export type ScaleProblemCode =
  | 'size_invalid'
  | 'level_count'
  | 'rank_order'
  | 'empty_code'
  | 'duplicate_code'
  | 'unknown_value_group'
  | 'value_group_unused'
  | 'not_societal_value'
  | 'no_consequence_types'
  | 'probability_interval'
  | 'no_bands'
  | 'colour_invalid'
  | 'contrast_low'
  | 'grid_rows'
  | 'grid_columns'
  | 'cell_missing'
  | 'unknown_band'
  | 'band_unused'
  | 'not_monotonic';

export interface ScaleProblem {
  /** Errors make the scale unusable (`riskLevel` may throw); warnings are shown to the admin, who may keep them. */
  readonly severity: 'error' | 'warning';
  readonly code: ScaleProblemCode;
  /** Where in the scale, e.g. `matrix.cells[2][4]` or `consequenceTypes[1].levels`. */
  readonly path: string;
  readonly message: string;
}

/** WCAG 2.1 AA contrast for normal-size text (success criterion 1.4.3). */
export const MIN_TEXT_CONTRAST = 4.5;

const HEX_COLOUR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Relative luminance of `#rgb` / `#rrggbb` (WCAG 2.1 definition), or null when the string is no such colour. */
const luminance = (hex: string): number | null => {
  if (!HEX_COLOUR.test(hex)) return null;
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((at) => {
    const channel = parseInt(digits.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
};

/** WCAG contrast ratio (1–21) between two hex colours, or null when either is not a hex colour. */
export const contrastRatio = (colourA: string, colourB: string): number | null => {
  const a = luminance(colourA);
  const b = luminance(colourB);
  if (a === null || b === null) return null;
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
};

/**
 * A full grid from the common "score = likelihood rank × consequence rank" rule: each cell gets the first
 * band whose `maxScore` is at least the score (thresholds in ascending order; the last should cover
 * n × m). For admin screens that offer "fill from score thresholds" — the result is ordinary cell data,
 * edited cell by cell afterwards. Cells above every threshold get the last band.
 */
export const cellsFromScoreThresholds = (size: RiskMatrix['size'], thresholds: readonly { band: string; maxScore: number }[]): string[][] =>
  Array.from({ length: size.likelihood }, (_, l) =>
    Array.from({ length: size.consequence }, (_, c) => {
      const score = (l + 1) * (c + 1);
      return (thresholds.find((threshold) => score <= threshold.maxScore) ?? thresholds[thresholds.length - 1])?.band ?? '';
    }),
  );

const isPositiveInteger = (value: number): boolean => Number.isInteger(value) && value > 0;

/**
 * Everything wrong with a scale set, errors and warnings; empty when the scale is sound. A scale with
 * errors must not be saved or used: `riskLevel` relies on a scale without them.
 *
 * Errors: sizes that are not positive integers; level lists whose length differs from the matrix size
 * or whose ranks are not 1..n in list order; empty or duplicate codes (per list; level codes per type);
 * a consequence type in an unknown value group; no consequence types or no bands; a probability interval
 * with min > max; a colour that is not `#rgb`/`#rrggbb`; band text below 4.5:1 contrast on its colour;
 * a grid whose rows or columns differ from the size; an empty cell or a cell naming an unknown band.
 *
 * Warnings (the kommune sets its own acceptance criteria, §2.5, so these are pointed out, not refused):
 * - `not_monotonic`: a cell's band is *less* severe than the cell below it in likelihood or to its left
 *   in consequence. Raising likelihood or consequence should never make a risk more acceptable; such a
 *   grid is almost always a typing mistake, but it is the kommune's call.
 * - `band_unused`: a band no cell uses; `value_group_unused`: a value group without consequence types.
 * - `not_societal_value`: a societal scale grouping types under something other than domain.md §2.4's values.
 */
export const validateScaleSet = (scale: ScaleSet): ScaleProblem[] => {
  const problems: ScaleProblem[] = [];
  const error = (code: ScaleProblemCode, path: string, message: string): void => {
    problems.push({ code, message, path, severity: 'error' });
  };
  const warning = (code: ScaleProblemCode, path: string, message: string): void => {
    problems.push({ code, message, path, severity: 'warning' });
  };

  const uniqueCodes = (items: readonly { code: string }[], path: string): void => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (item.code.trim() === '') error('empty_code', `${path}[${index}].code`, 'code must not be empty');
      else if (seen.has(item.code)) error('duplicate_code', `${path}[${index}].code`, `code '${item.code}' occurs more than once`);
      seen.add(item.code);
    });
  };
  const rankedList = (levels: readonly AxisLevel[], expected: number, path: string): void => {
    if (levels.length !== expected) error('level_count', path, `has ${levels.length} levels, the matrix has ${expected}`);
    levels.forEach((level, index) => {
      if (level.rank !== index + 1)
        error('rank_order', `${path}[${index}].rank`, `rank is ${level.rank}, expected ${index + 1} (ranks are 1..n in list order)`);
    });
    uniqueCodes(levels, path);
  };

  const { size, bands, cells } = scale.matrix;
  const sizeOk = isPositiveInteger(size.likelihood) && isPositiveInteger(size.consequence);
  if (!sizeOk) error('size_invalid', 'matrix.size', `size must be positive integers, is ${size.likelihood} × ${size.consequence}`);

  // Value groups and levels.
  uniqueCodes(scale.valueGroups, 'valueGroups');
  const groups = new Set(scale.valueGroups.map((group) => group.code));
  const societal = new Set<string>(SOCIETAL_VALUES);
  if (scale.kind === 'societal') {
    scale.valueGroups.forEach((group, index) => {
      if (!societal.has(group.code)) {
        warning(
          'not_societal_value',
          `valueGroups[${index}].code`,
          `'${group.code}' is not one of the societal values (${SOCIETAL_VALUES.join(', ')})`,
        );
      }
    });
  }
  rankedList(scale.likelihoodLevels, size.likelihood, 'likelihoodLevels');
  scale.likelihoodLevels.forEach((level, index) => {
    const interval = level.annualProbability;
    if (interval && interval.max !== null && interval.min > interval.max) {
      error('probability_interval', `likelihoodLevels[${index}].annualProbability`, `min ${interval.min} is above max ${interval.max}`);
    }
  });
  rankedList(scale.consequenceLevels, size.consequence, 'consequenceLevels');
  if (scale.consequenceTypes.length === 0) error('no_consequence_types', 'consequenceTypes', 'a scale needs at least one consequence type');
  uniqueCodes(scale.consequenceTypes, 'consequenceTypes');
  scale.consequenceTypes.forEach((type, index) => {
    const path = `consequenceTypes[${index}]`;
    if (!groups.has(type.valueGroup)) error('unknown_value_group', `${path}.valueGroup`, `'${type.valueGroup}' is not in valueGroups`);
    rankedList(type.levels, size.consequence, `${path}.levels`);
  });
  scale.valueGroups.forEach((group, index) => {
    if (!scale.consequenceTypes.some((type) => type.valueGroup === group.code)) {
      warning('value_group_unused', `valueGroups[${index}]`, `no consequence type belongs to '${group.code}'`);
    }
  });

  // Bands.
  if (bands.length === 0) error('no_bands', 'matrix.bands', 'a matrix needs at least one band');
  uniqueCodes(bands, 'matrix.bands');
  bands.forEach((band, index) => {
    const path = `matrix.bands[${index}]`;
    for (const field of ['colour', 'textColour'] as const) {
      if (!HEX_COLOUR.test(band[field])) error('colour_invalid', `${path}.${field}`, `'${band[field]}' is not a #rgb or #rrggbb colour`);
    }
    const ratio = contrastRatio(band.colour, band.textColour);
    if (ratio !== null && ratio < MIN_TEXT_CONTRAST) {
      error(
        'contrast_low',
        path,
        `text ${band.textColour} on ${band.colour} has contrast ${ratio.toFixed(2)}:1, needs ${MIN_TEXT_CONTRAST}:1`,
      );
    }
  });

  // Cells.
  const severity = new Map(bands.map((band, index) => [band.code, index]));
  if (cells.length !== size.likelihood)
    error('grid_rows', 'matrix.cells', `has ${cells.length} rows, size.likelihood is ${size.likelihood}`);
  cells.forEach((row, l) => {
    if (row.length !== size.consequence)
      error('grid_columns', `matrix.cells[${l}]`, `has ${row.length} cells, size.consequence is ${size.consequence}`);
  });
  const used = new Set<string>();
  const rows = sizeOk ? size.likelihood : 0;
  const columns = sizeOk ? size.consequence : 0;
  for (let l = 0; l < rows; l++) {
    for (let c = 0; c < columns; c++) {
      const path = `matrix.cells[${l}][${c}]`;
      const code = cells[l]?.[c];
      if (code === undefined || code === '') {
        error('cell_missing', path, `no band for likelihood rank ${l + 1}, consequence rank ${c + 1}`);
        continue;
      }
      const here = severity.get(code);
      if (here === undefined) {
        error('unknown_band', path, `'${code}' is not a band of this matrix`);
        continue;
      }
      used.add(code);
      const below = l > 0 ? severity.get(cells[l - 1]?.[c] ?? '') : undefined;
      const left = c > 0 ? severity.get(cells[l]?.[c - 1] ?? '') : undefined;
      if ((below !== undefined && here < below) || (left !== undefined && here < left)) {
        warning('not_monotonic', path, `'${code}' is less severe than a cell with lower likelihood or consequence`);
      }
    }
  }
  bands.forEach((band, index) => {
    if (sizeOk && !used.has(band.code)) warning('band_unused', `matrix.bands[${index}]`, `no cell uses band '${band.code}'`);
  });

  return problems;
};
