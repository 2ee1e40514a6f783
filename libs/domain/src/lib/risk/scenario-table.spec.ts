import { DSB_SOCIETAL_SCALE, HMS_SCALE } from './default-scales';
import {
  cellText,
  normaliseHeading,
  parseScenarioTable,
  scenarioColumns,
  scenarioTableRow,
  type ScenarioTableValues,
  type SheetRow,
} from './scenario-table';

const scale = DSB_SOCIETAL_SCALE;
const headings = scenarioColumns(scale).map((column) => column.heading);

/** A sheet whose first row is `head` and whose rows are given column by column as heading → text. */
const sheet = (head: readonly string[], ...rows: Record<string, string>[]): SheetRow[] => [
  { cells: head, rowNumber: 1 },
  ...rows.map((row, index) => ({ cells: head.map((h) => row[h] ?? ''), rowNumber: index + 2 })),
];

const full: ScenarioTableValues = {
  causes: 'Uvær, ising på linjer',
  consequences: [
    { rank: 4, rationale: 'Hjemmeboende eldre', typeCode: 'deaths' },
    { rank: 3, rationale: null, typeCode: 'economic_direct' },
  ],
  description: 'Strømbrudd i fem døgn i januar',
  existingBarriers: '-20 grader er dimensjonerende; =SUM(A1) er ikke en formel',
  hazardSource: 'hazard',
  knowledgeBase: 'Erfaring fra 2011',
  likelihoodRank: 3,
  likelihoodRationale: 'Skjedd to ganger siste 30 år',
  needsEvacuation: false,
  needsWarning: true,
  residualConsequences: [{ rank: 2, typeCode: 'deaths' }],
  residualLikelihoodRank: 2,
  title: 'Langvarig strømbrudd vinter',
  uncertainty: 'medium',
  vulnerability: 'high',
  vulnerabilityText: 'Sykehjem uten nødstrøm',
  warningEvacuationText: 'Varsling via SMS',
};

describe('scenarioColumns', () => {
  it('should give Norwegian headings with the scale’s ranges and one rank and rationale column per consequence type', () => {
    expect(headings.slice(0, 8)).toEqual([
      'Nr',
      'Tittel',
      'Fare/trussel',
      'Beskrivelse',
      'Årsaker',
      'Eksisterende barrierer',
      'Sannsynlighet (1–5)',
      'Begrunnelse sannsynlighet',
    ]);
    for (const type of scale.consequenceTypes) {
      expect(headings).toContain(`Konsekvens: ${type.labelNb} (1–5)`);
      expect(headings).toContain(`Begrunnelse: ${type.labelNb}`);
      expect(headings).toContain(`Restrisiko: ${type.labelNb} (1–5)`);
    }
    expect(headings.slice(-2)).toEqual(['Risiko (beregnet)', 'Restrisiko (beregnet)']);
    expect(new Set(headings).size).toBe(headings.length);
  });
});

describe('scenarioTableRow', () => {
  it('should write ranks as numbers, choices in Norwegian and the derived bands from scenarioRisk', () => {
    const row = scenarioTableRow(scale, 7, full);
    const at = (heading: string) => row[headings.indexOf(heading)];
    expect(at('Nr')).toBe(7);
    expect(at('Fare/trussel')).toBe('Fare');
    expect(at('Sannsynlighet (1–5)')).toBe(3);
    expect(at('Konsekvens: Dødsfall (1–5)')).toBe(4);
    expect(at('Begrunnelse: Dødsfall')).toBe('Hjemmeboende eldre');
    expect(at('Konsekvens: Alvorlig skadde og syke (1–5)')).toBeNull();
    expect(at('Sårbarhet')).toBe('Høy');
    expect(at('Behov for varsling')).toBe('Ja');
    expect(at('Behov for evakuering')).toBe('Nei');
    expect(at('Restrisiko: Dødsfall (1–5)')).toBe(2);
    // L3 × C4 is red on the default grid, L2 × C2 green.
    expect(at('Risiko (beregnet)')).toBe('Høy risiko');
    expect(at('Restrisiko (beregnet)')).toBe('Lav risiko');
  });

  it('should leave the bands empty for a scenario not yet assessed', () => {
    const row = scenarioTableRow(scale, 1, { title: 'Ikke vurdert' });
    expect(row.slice(-2)).toEqual([null, null]);
  });
});

describe('parseScenarioTable', () => {
  it('should read back exactly what scenarioTableRow wrote (the export is the import template)', () => {
    const cells = scenarioTableRow(scale, 1, full).map((cell) => (cell === null ? '' : String(cell)));
    const parsed = parseScenarioTable(scale, [
      { cells: headings, rowNumber: 1 },
      { cells, rowNumber: 2 },
    ]);
    expect(parsed.missingHeadings).toEqual([]);
    expect(parsed.ignoredHeadings).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]?.problems).toEqual([]);
    expect(parsed.rows[0]?.values).toEqual({ ...full, residualConsequences: [{ rank: 2, typeCode: 'deaths' }] });
  });

  it('should match headings regardless of case, spacing, dashes and the range suffix, and report unknown ones', () => {
    const head = ['  tittel ', 'SANNSYNLIGHET', 'konsekvens:dødsfall (1-5)', 'Kommentar', 'Behov for  varsling'];
    const parsed = parseScenarioTable(
      scale,
      sheet(head, { '  tittel ': 'Flom', 'Behov for  varsling': 'nei', 'konsekvens:dødsfall (1-5)': '2', SANNSYNLIGHET: '4' }),
    );
    expect(parsed.ignoredHeadings).toEqual(['Kommentar']);
    expect(parsed.rows[0]?.values).toMatchObject({
      consequences: [{ rank: 2, typeCode: 'deaths' }],
      likelihoodRank: 4,
      needsWarning: false,
      title: 'Flom',
    });
  });

  it('should accept level names of the scale for ranks, in bokmål or English, with or without the number', () => {
    const head = ['Tittel', 'Sannsynlighet (1–5)', 'Konsekvens: Dødsfall (1–5)', 'Konsekvens: Direkte økonomiske tap (1–5)', 'Usikkerhet'];
    const parsed = parseScenarioTable(
      scale,
      sheet(head, {
        'Konsekvens: Direkte økonomiske tap (1–5)': '3 – Middels',
        'Konsekvens: Dødsfall (1–5)': 'Store',
        'Sannsynlighet (1–5)': 'Svært høy',
        Tittel: 'A',
        Usikkerhet: 'hoy',
      }),
    );
    expect(parsed.rows[0]?.problems).toEqual([]);
    expect(parsed.rows[0]?.values).toMatchObject({
      consequences: [
        { rank: 4, typeCode: 'deaths' },
        { rank: 3, typeCode: 'economic_direct' },
      ],
      likelihoodRank: 5,
      uncertainty: 'high',
    });

    const hms = parseScenarioTable(HMS_SCALE, [
      { cells: ['Tittel', 'Sannsynlighet'], rowNumber: 1 },
      { cells: ['B', 'Svært sannsynlig'], rowNumber: 2 },
    ]);
    expect(hms.rows[0]?.values.likelihoodRank).toBe(5);
  });

  it('should report unreadable cells with row number and the file’s own column heading', () => {
    const head = [
      'Tittel',
      'Sannsynlighet (1–5)',
      'Konsekvens: Dødsfall (1–5)',
      'Begrunnelse: Dødsfall',
      'Sårbarhet',
      'Fare/trussel',
      'Behov for evakuering',
    ];
    const parsed = parseScenarioTable(
      scale,
      sheet(
        head,
        { 'Sannsynlighet (1–5)': 'Ganske ofte', Tittel: 'Skred' },
        { 'Begrunnelse: Dødsfall': 'Mange', 'Konsekvens: Dødsfall (1–5)': '2,5', Sårbarhet: 'stor', Tittel: 'Brann' },
        { 'Behov for evakuering': 'kanskje', 'Fare/trussel': 'Ulykke', Tittel: 'Terror' },
        { 'Begrunnelse: Dødsfall': 'Ingen rang', Tittel: 'Uten rang' },
      ),
    );
    const problems = parsed.rows.flatMap((row) => row.problems.map((p) => [p.rowNumber, p.column, p.code]));
    expect(problems).toEqual([
      [2, 'Sannsynlighet (1–5)', 'unknown_level'],
      [3, 'Konsekvens: Dødsfall (1–5)', 'not_whole_number'],
      [3, 'Sårbarhet', 'unknown_choice'],
      [4, 'Fare/trussel', 'unknown_choice'],
      [4, 'Behov for evakuering', 'unknown_choice'],
      [5, 'Begrunnelse: Dødsfall', 'rationale_without_rank'],
    ]);
  });

  it('should pass out-of-scale numbers and empty titles through, with the columns that later validation names', () => {
    const head = ['Nr', 'Tittel', 'Sannsynlighet (1–5)', 'Konsekvens: Dødsfall (1–5)'];
    const parsed = parseScenarioTable(
      scale,
      sheet(head, { 'Konsekvens: Dødsfall (1–5)': '9', Nr: '1', 'Sannsynlighet (1–5)': '7', Tittel: '' }),
    );
    const row = parsed.rows[0];
    expect(row?.values).toMatchObject({ consequences: [{ rank: 9, typeCode: 'deaths' }], likelihoodRank: 7, title: '' });
    expect(row?.columnOf).toMatchObject({
      'consequences.0.rank': 'Konsekvens: Dødsfall (1–5)',
      likelihoodRank: 'Sannsynlighet (1–5)',
      title: 'Tittel',
    });
  });

  it('should skip empty rows, keep the file’s row numbers and require a title column', () => {
    const parsed = parseScenarioTable(scale, [
      { cells: ['', ''], rowNumber: 1 },
      { cells: ['Tittel'], rowNumber: 2 },
      { cells: [' '], rowNumber: 3 },
      { cells: ['Ras'], rowNumber: 4 },
    ]);
    expect(parsed.headingRow).toBe(2);
    expect(parsed.rows.map((row) => [row.rowNumber, row.values.title])).toEqual([[4, 'Ras']]);
    expect(parsed.rows[0]?.values.consequences).toBeUndefined();
    expect(parseScenarioTable(scale, [{ cells: ['Beskrivelse'], rowNumber: 1 }]).missingHeadings).toEqual(['Tittel']);
    expect(parseScenarioTable(scale, []).missingHeadings).toEqual(['Tittel']);
  });
});

describe('cell helpers', () => {
  it('should remove the formula guard only before formula characters, and treat blanks as null', () => {
    expect(cellText("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(cellText("'-20")).toBe('-20');
    expect(cellText("'Sitat'")).toBe("'Sitat'");
    expect(cellText('   ')).toBeNull();
  });

  it('should normalise headings', () => {
    expect(normaliseHeading(' Restrisiko  sannsynlighet (1—5) ')).toBe('restrisiko sannsynlighet');
    expect(normaliseHeading('Konsekvens:Dødsfall')).toBe('konsekvens dødsfall');
  });
});
