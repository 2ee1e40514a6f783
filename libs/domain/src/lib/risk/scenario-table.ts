import type { HazardSource, ThreeLevel } from './risk.types';
import { scenarioRisk } from './risk-level';
import type { ScaleSet } from './scale-set';

/**
 * The scenario table: how the scenarios of one analysis look as a spreadsheet (one row per scenario,
 * Norwegian headings) and how such a sheet is read back. The export *is* the import template, so a
 * file that went out comes back unchanged. Pure: the API turns xlsx/CSV into strings and validates the
 * values this module produces exactly as it validates a scenario sent as JSON.
 */

/** One consequence of a scenario as the table carries it (mirrors `ConsequenceAssessmentInput` in libs/shared). */
export interface ScenarioTableConsequence {
  typeCode: string;
  rank: number;
  rationale?: string | null;
}

/** A scenario's values as the table carries them (mirrors `RiskScenarioInput` in libs/shared). */
export interface ScenarioTableValues {
  title: string;
  hazardSource?: HazardSource;
  description?: string | null;
  causes?: string | null;
  existingBarriers?: string | null;
  likelihoodRank?: number | null;
  likelihoodRationale?: string | null;
  consequences?: ScenarioTableConsequence[];
  vulnerability?: ThreeLevel | null;
  vulnerabilityText?: string | null;
  uncertainty?: ThreeLevel | null;
  knowledgeBase?: string | null;
  needsWarning?: boolean | null;
  needsEvacuation?: boolean | null;
  warningEvacuationText?: string | null;
  residualLikelihoodRank?: number | null;
  residualConsequences?: ScenarioTableConsequence[];
}

type TextField =
  | 'title'
  | 'description'
  | 'causes'
  | 'existingBarriers'
  | 'likelihoodRationale'
  | 'vulnerabilityText'
  | 'knowledgeBase'
  | 'warningEvacuationText';

/** What a column holds; `number` and the derived bands are written on export and ignored on import. */
export type ScenarioColumn =
  | { readonly kind: 'number'; readonly heading: string; readonly width: number }
  | { readonly kind: 'text'; readonly field: TextField; readonly heading: string; readonly width: number }
  | { readonly kind: 'hazard'; readonly heading: string; readonly width: number }
  | {
      readonly kind: 'likelihood';
      readonly field: 'likelihoodRank' | 'residualLikelihoodRank';
      readonly heading: string;
      readonly width: number;
    }
  | {
      readonly kind: 'consequence';
      readonly residual: boolean;
      readonly typeCode: string;
      readonly heading: string;
      readonly aliases: readonly string[];
      readonly width: number;
    }
  | {
      readonly kind: 'consequenceRationale';
      readonly typeCode: string;
      readonly heading: string;
      readonly aliases: readonly string[];
      readonly width: number;
    }
  | { readonly kind: 'threeLevel'; readonly field: 'vulnerability' | 'uncertainty'; readonly heading: string; readonly width: number }
  | { readonly kind: 'yesNo'; readonly field: 'needsWarning' | 'needsEvacuation'; readonly heading: string; readonly width: number }
  | { readonly kind: 'band'; readonly residual: boolean; readonly heading: string; readonly width: number };

/** Words the table uses for its choice values (bokmål); import also accepts the English ids. */
export const SCENARIO_TABLE_WORDS = {
  hazard: { hazard: 'Fare', threat: 'Trussel' },
  no: 'Nei',
  threeLevel: { high: 'Høy', low: 'Lav', medium: 'Middels' },
  yes: 'Ja',
} as const;

const range = (max: number) => `(1–${max})`;

/**
 * The columns of `scale`'s scenario table, in order: Nr, the scenario's texts, likelihood and one rank
 * plus one rationale column per consequence type, vulnerability, warning/evacuation, uncertainty,
 * residual likelihood and residual rank per type, and the derived current and residual bands.
 */
export const scenarioColumns = (scale: ScaleSet): ScenarioColumn[] => {
  const l = scale.matrix.size.likelihood;
  const c = scale.matrix.size.consequence;
  return [
    { heading: 'Nr', kind: 'number', width: 6 },
    { field: 'title', heading: 'Tittel', kind: 'text', width: 36 },
    { heading: 'Fare/trussel', kind: 'hazard', width: 12 },
    { field: 'description', heading: 'Beskrivelse', kind: 'text', width: 50 },
    { field: 'causes', heading: 'Årsaker', kind: 'text', width: 40 },
    { field: 'existingBarriers', heading: 'Eksisterende barrierer', kind: 'text', width: 40 },
    { field: 'likelihoodRank', heading: `Sannsynlighet ${range(l)}`, kind: 'likelihood', width: 16 },
    { field: 'likelihoodRationale', heading: 'Begrunnelse sannsynlighet', kind: 'text', width: 40 },
    ...scale.consequenceTypes.flatMap((type): ScenarioColumn[] => [
      {
        aliases: [`Konsekvens: ${type.code}`, `Konsekvens: ${type.labelEn}`],
        heading: `Konsekvens: ${type.labelNb} ${range(c)}`,
        kind: 'consequence',
        residual: false,
        typeCode: type.code,
        width: 18,
      },
      {
        aliases: [`Begrunnelse: ${type.code}`, `Begrunnelse: ${type.labelEn}`],
        heading: `Begrunnelse: ${type.labelNb}`,
        kind: 'consequenceRationale',
        typeCode: type.code,
        width: 36,
      },
    ]),
    { field: 'vulnerability', heading: 'Sårbarhet', kind: 'threeLevel', width: 12 },
    { field: 'vulnerabilityText', heading: 'Sårbarhet begrunnelse', kind: 'text', width: 40 },
    { field: 'needsWarning', heading: 'Behov for varsling', kind: 'yesNo', width: 12 },
    { field: 'needsEvacuation', heading: 'Behov for evakuering', kind: 'yesNo', width: 12 },
    { field: 'warningEvacuationText', heading: 'Varsling/evakuering', kind: 'text', width: 40 },
    { field: 'uncertainty', heading: 'Usikkerhet', kind: 'threeLevel', width: 12 },
    { field: 'knowledgeBase', heading: 'Kunnskapsgrunnlag', kind: 'text', width: 40 },
    { field: 'residualLikelihoodRank', heading: `Restrisiko sannsynlighet ${range(l)}`, kind: 'likelihood', width: 16 },
    ...scale.consequenceTypes.map(
      (type): ScenarioColumn => ({
        aliases: [`Restrisiko: ${type.code}`, `Restrisiko: ${type.labelEn}`],
        heading: `Restrisiko: ${type.labelNb} ${range(c)}`,
        kind: 'consequence',
        residual: true,
        typeCode: type.code,
        width: 18,
      }),
    ),
    { heading: 'Risiko (beregnet)', kind: 'band', residual: false, width: 16 },
    { heading: 'Restrisiko (beregnet)', kind: 'band', residual: true, width: 16 },
  ];
};

/** The band label of a likelihood and consequences on `scale`, or null when not assessed (or not on the scale). */
const bandLabel = (
  scale: ScaleSet,
  likelihood: number | null | undefined,
  consequences: readonly ScenarioTableConsequence[] | undefined,
): string | null => {
  if (likelihood === null || likelihood === undefined || !consequences || consequences.length === 0) return null;
  try {
    return scenarioRisk(scale, likelihood, consequences).overall?.level.labelNb ?? null;
  } catch {
    return null;
  }
};

/** One cell of an exported row: text, a rank, or empty. */
export type ScenarioCell = string | number | null;

/** The cells of one scenario, column by column as `scenarioColumns(scale)` lists them (`number` is its Nr). */
export const scenarioTableRow = (scale: ScaleSet, number: number, scenario: ScenarioTableValues): ScenarioCell[] =>
  scenarioColumns(scale).map((column): ScenarioCell => {
    switch (column.kind) {
      case 'number':
        return number;
      case 'text':
        return scenario[column.field] ?? null;
      case 'hazard':
        return SCENARIO_TABLE_WORDS.hazard[scenario.hazardSource ?? 'hazard'];
      case 'likelihood':
        return scenario[column.field] ?? null;
      case 'consequence':
        return (
          (column.residual ? scenario.residualConsequences : scenario.consequences)?.find((item) => item.typeCode === column.typeCode)
            ?.rank ?? null
        );
      case 'consequenceRationale':
        return scenario.consequences?.find((item) => item.typeCode === column.typeCode)?.rationale ?? null;
      case 'threeLevel': {
        const value = scenario[column.field];
        return value ? SCENARIO_TABLE_WORDS.threeLevel[value] : null;
      }
      case 'yesNo': {
        const value = scenario[column.field];
        return value === null || value === undefined ? null : value ? SCENARIO_TABLE_WORDS.yes : SCENARIO_TABLE_WORDS.no;
      }
      case 'band':
        return column.residual
          ? bandLabel(scale, scenario.residualLikelihoodRank, scenario.residualConsequences)
          : bandLabel(scale, scenario.likelihoodRank, scenario.consequences);
    }
  });

/** Why a cell or a row cannot be imported; the web words each code in Norwegian with the column heading. */
export type ScenarioTableProblemCode =
  | 'required'
  | 'too_long'
  | 'not_whole_number'
  | 'unknown_level'
  | 'out_of_scale'
  | 'unknown_choice'
  | 'rationale_without_rank'
  | 'invalid';

export interface ScenarioTableProblem {
  /** The row's number in the sheet (the heading row is usually 1). */
  readonly rowNumber: number;
  /** The heading of the offending column as the file spells it, or null for the row as a whole. */
  readonly column: string | null;
  /** The scenario field (as the scenario API names it, e.g. `consequences.0.rank`). */
  readonly field: string;
  readonly code: ScenarioTableProblemCode;
  /** For developers and logs (English); users see the code worded by the web. */
  readonly message: string;
}

export interface ParsedScenarioRow {
  readonly rowNumber: number;
  readonly values: ScenarioTableValues;
  /** Problems found while reading the cells (unknown level, not a number…); the API adds the scenario validation's. */
  readonly problems: ScenarioTableProblem[];
  /** The file's heading for each field path of `values`, so later validation problems can name the column. */
  readonly columnOf: Readonly<Record<string, string>>;
}

export interface ParsedScenarioTable {
  /** The row number of the heading row (the first non-empty row). */
  readonly headingRow: number | null;
  /** Required headings the file lacks (the import cannot go on without them). */
  readonly missingHeadings: string[];
  /** Headings of the file the table does not know (or that repeat an earlier one); their cells are ignored. */
  readonly ignoredHeadings: string[];
  readonly rows: ParsedScenarioRow[];
}

/** A sheet row as strings, with its number in the file. */
export interface SheetRow {
  readonly rowNumber: number;
  readonly cells: readonly string[];
}

/** Headings compared without case, accents of dashes, colons, surrounding space or a trailing "(1–5)". */
export const normaliseHeading = (text: string): string =>
  text
    .normalize('NFC')
    .toLocaleLowerCase('nb')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/\(\s*\d+\s*-\s*\d+\s*\)\s*$/, '')
    .replace(/[:_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Values compared like headings, plus "hoy" for "høy" written on an English keyboard. */
const normaliseValue = (text: string): string => normaliseHeading(text).replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/å/g, 'a');

/** Text cells: the `'` that guards formula-looking text in CSV exports comes off again; blank is null. */
export const cellText = (raw: string | undefined): string | null => {
  const text = (raw ?? '').replace(/^'(?=[=+\-@\t\r])/, '').trim();
  return text === '' ? null : text;
};

const ALIASES: Readonly<Record<string, readonly string[]>> = {
  hazard: ['Fare', 'Trussel', 'Fare / trussel', 'hazardSource'],
  number: ['Nummer', 'Nr.', 'No'],
  title: ['Hendelse', 'Uønsket hendelse', 'Title'],
};

const columnKey = (column: ScenarioColumn): string => {
  switch (column.kind) {
    case 'consequence':
      return `${column.residual ? 'residualConsequences' : 'consequences'}:${column.typeCode}`;
    case 'consequenceRationale':
      return `consequenceRationale:${column.typeCode}`;
    case 'band':
      return column.residual ? 'residualRisk' : 'risk';
    case 'number':
    case 'hazard':
      return column.kind;
    default:
      return column.field;
  }
};

const namesOf = (column: ScenarioColumn): string[] => {
  const key = columnKey(column);
  const extra = 'aliases' in column ? column.aliases : [...(ALIASES[key] ?? []), key];
  return [column.heading, ...extra].map(normaliseHeading);
};

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'x', '1']);
const NO = new Set(['nei', 'n', 'no', 'false', '0']);
const THREE: Record<string, ThreeLevel> = { high: 'high', hoy: 'high', lav: 'low', low: 'low', medium: 'medium', middels: 'medium' };
const HAZARD: Record<string, HazardSource> = { fare: 'hazard', hazard: 'hazard', threat: 'threat', trussel: 'threat' };

interface LevelName {
  readonly rank: number;
  readonly names: readonly string[];
}

/** A rank from a number ("3", "3.0", "3 – Middels") or a level's name, code or descriptor on the scale. */
const parseRank = (text: string, levels: readonly LevelName[]): { rank: number } | { problem: 'not_whole_number' | 'unknown_level' } => {
  const value = normaliseValue(text);
  const numeric = /^(-?\d+)(?:[.,]0+)?(?:\s*[-.:]?\s*(.*))?$/.exec(value);
  if (numeric) {
    const rank = Number(numeric[1]);
    const rest = numeric[2] ?? '';
    if (rest === '' || levels.some((level) => level.rank === rank && level.names.includes(rest))) return { rank };
  }
  if (/^-?\d+[.,]\d+$/.test(value)) return { problem: 'not_whole_number' };
  const level = levels.find((candidate) => candidate.names.includes(value));
  return level ? { rank: level.rank } : { problem: 'unknown_level' };
};

/**
 * Reads a scenario table. The first non-empty row holds the headings, matched tolerantly (case, spaces,
 * dashes, a trailing "(1–5)"; English ids too); unknown columns are ignored and reported. Each later
 * non-empty row becomes a scenario's values: ranks may be numbers or level names of `scale` ("Høy",
 * "Svært sannsynlig"), yes/no and low/medium/high in Norwegian or English. Cells that cannot be read
 * become problems naming row and column; ranks outside the scale and empty titles are left for the
 * scenario validation, which reports them the same way through `columnOf`.
 */
export const parseScenarioTable = (scale: ScaleSet, sheet: readonly SheetRow[]): ParsedScenarioTable => {
  const nonEmpty = sheet.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  const heading = nonEmpty[0];
  const columns = scenarioColumns(scale);
  if (!heading) return { headingRow: null, ignoredHeadings: [], missingHeadings: ['Tittel'], rows: [] };

  const byIndex = new Map<number, ScenarioColumn>();
  const taken = new Set<ScenarioColumn>();
  const ignoredHeadings: string[] = [];
  heading.cells.forEach((text, index) => {
    if (text.trim() === '') return;
    const name = normaliseHeading(text);
    const column = columns.find((candidate) => !taken.has(candidate) && namesOf(candidate).includes(name));
    if (column) {
      byIndex.set(index, column);
      taken.add(column);
    } else ignoredHeadings.push(text.trim());
  });
  const headingOf = new Map<ScenarioColumn, string>([...byIndex].map(([index, column]) => [column, (heading.cells[index] ?? '').trim()]));
  const titleColumn = columns.find((column) => column.kind === 'text' && column.field === 'title');
  const missingHeadings = titleColumn && !taken.has(titleColumn) ? [titleColumn.heading] : [];

  const likelihoodLevels: LevelName[] = scale.likelihoodLevels.map((level) => ({
    names: [level.labelNb, level.labelEn, level.code].map(normaliseValue),
    rank: level.rank,
  }));
  const consequenceLevels = (typeCode: string): LevelName[] => {
    const type = scale.consequenceTypes.find((candidate) => candidate.code === typeCode);
    return scale.consequenceLevels.map((axis) => {
      const own = type?.levels.find((level) => level.rank === axis.rank);
      return {
        names: [axis.labelNb, axis.labelEn, axis.code, own?.labelNb, own?.descriptionNb, own?.descriptionEn]
          .filter((n): n is string => !!n)
          .map(normaliseValue),
        rank: axis.rank,
      };
    });
  };

  const rows = nonEmpty.slice(1).map((row): ParsedScenarioRow => {
    const values: ScenarioTableValues = { title: '' };
    const problems: ScenarioTableProblem[] = [];
    const columnOf: Record<string, string> = {};
    const ranks: Record<'consequences' | 'residualConsequences', Map<string, { rank: number | null; heading: string }>> = {
      consequences: new Map(),
      residualConsequences: new Map(),
    };
    const rationales = new Map<string, { text: string; heading: string }>();
    const problem = (column: string, field: string, code: ScenarioTableProblemCode, message: string) =>
      problems.push({ code, column, field, message, rowNumber: row.rowNumber });

    for (const [index, column] of byIndex) {
      const raw = row.cells[index] ?? '';
      const text = cellText(raw);
      const heading = headingOf.get(column) ?? column.heading;
      switch (column.kind) {
        case 'number':
        case 'band':
          break;
        case 'text':
          columnOf[column.field] = heading;
          if (column.field === 'title') values.title = text ?? '';
          else (values as Record<Exclude<TextField, 'title'>, string | null>)[column.field] = text;
          break;
        case 'hazard': {
          columnOf['hazardSource'] = heading;
          if (text === null) break;
          const value = HAZARD[normaliseValue(text)];
          if (value) values.hazardSource = value;
          else problem(heading, 'hazardSource', 'unknown_choice', `"${text}" is not Fare or Trussel`);
          break;
        }
        case 'likelihood': {
          columnOf[column.field] = heading;
          if (text === null) {
            values[column.field] = null;
            break;
          }
          const parsed = parseRank(text, likelihoodLevels);
          if ('rank' in parsed) values[column.field] = parsed.rank;
          else problem(heading, column.field, parsed.problem, `"${text}" is not a likelihood level of this scale`);
          break;
        }
        case 'consequence': {
          const list = column.residual ? 'residualConsequences' : 'consequences';
          if (text === null) {
            ranks[list].set(column.typeCode, { heading, rank: null });
            break;
          }
          const parsed = parseRank(text, consequenceLevels(column.typeCode));
          if ('rank' in parsed) ranks[list].set(column.typeCode, { heading, rank: parsed.rank });
          else {
            ranks[list].set(column.typeCode, { heading, rank: null });
            problem(heading, `${list}.${column.typeCode}`, parsed.problem, `"${text}" is not a consequence level of this scale`);
          }
          break;
        }
        case 'consequenceRationale':
          if (text !== null) rationales.set(column.typeCode, { heading, text });
          break;
        case 'threeLevel': {
          columnOf[column.field] = heading;
          if (text === null) {
            values[column.field] = null;
            break;
          }
          const value = THREE[normaliseValue(text)];
          if (value) values[column.field] = value;
          else problem(heading, column.field, 'unknown_choice', `"${text}" is not Lav, Middels or Høy`);
          break;
        }
        case 'yesNo': {
          columnOf[column.field] = heading;
          if (text === null) {
            values[column.field] = null;
            break;
          }
          const value = normaliseValue(text);
          if (YES.has(value)) values[column.field] = true;
          else if (NO.has(value)) values[column.field] = false;
          else problem(heading, column.field, 'unknown_choice', `"${text}" is not Ja or Nei`);
          break;
        }
      }
    }

    // Consequences in the scale's type order, only the types that have a rank.
    for (const list of ['consequences', 'residualConsequences'] as const) {
      const items: ScenarioTableConsequence[] = [];
      for (const type of scale.consequenceTypes) {
        const entry = ranks[list].get(type.code);
        const rationale = list === 'consequences' ? rationales.get(type.code) : undefined;
        if (entry === undefined || entry.rank === null) {
          if (rationale && !problems.some((p) => p.field === `${list}.${type.code}`)) {
            problem(rationale.heading, `${list}.${type.code}.rationale`, 'rationale_without_rank', 'a rationale needs a consequence rank');
          }
          continue;
        }
        const index = items.length;
        columnOf[`${list}.${index}.rank`] = entry.heading;
        columnOf[`${list}.${index}.typeCode`] = entry.heading;
        columnOf[`${list}.${index}`] = entry.heading;
        const item: ScenarioTableConsequence = { rank: entry.rank as number, typeCode: type.code };
        if (list === 'consequences') {
          item.rationale = rationale?.text ?? null;
          if (rationale) columnOf[`${list}.${index}.rationale`] = rationale.heading;
        }
        items.push(item);
      }
      if (ranks[list].size > 0) values[list] = items;
    }
    return { columnOf, problems, rowNumber: row.rowNumber, values };
  });
  return { headingRow: heading.rowNumber, ignoredHeadings, missingHeadings, rows };
};
