import { type RiskAnalysisType, riskLevel, type ScaleSet, type ScenarioRisk, scenarioRisk, type ThreeLevel } from '@helhet/domain';
import type { RiskAnalysisResponse, RiskReportStage, RiskScenarioResponse } from '@helhet/shared';
import PDFDocument from 'pdfkit';

import { cellNumbers, needsNewPage, winAnsiSafe } from './risk-report-layout';

/** Everything the report shows, read with the requester's rights before drawing starts. */
export interface RiskReportData {
  tenantName: string;
  analysis: RiskAnalysisResponse;
  scale: ScaleSet;
  unit: {
    name: string;
    levelType: string;
    ancestors: string[];
    subUnitCount: number;
    headcount: number | null;
  };
  /** Workshop participants (null: not read). */
  participants: { name: string; role: string | null; organisation: string | null }[] | null;
  /** Measures linked to the analysis's scenarios (null: not read). */
  measures:
    | {
        title: string;
        status: string;
        deadline: string | null;
        ownerName: string | null;
        scenarioId: string;
      }[]
    | null;
  generatedAt: Date;
}

export type ReportProgress = (stage: RiskReportStage, done?: number, total?: number) => Promise<void>;

const TYPE_LABELS: Readonly<Record<RiskAnalysisType, string>> = {
  fire_ros: 'Brann-ROS',
  hms_ros: 'HMS-risikovurdering',
  holistic_ros: 'Helhetlig risiko- og sårbarhetsanalyse',
  infosec_ros: 'ROS-analyse for informasjonssikkerhet',
  land_use_ros: 'Areal-ROS',
  project_ros: 'Prosjekt-ROS',
  service_ros: 'Tjeneste-ROS',
};
const STATUS_LABELS: Readonly<Record<string, string>> = {
  approved: 'Godkjent',
  in_progress: 'Under arbeid',
  in_review: 'Til godkjenning',
  planned: 'Planlagt',
  superseded: 'Erstattet av nyere versjon',
};
const THREE: Readonly<Record<ThreeLevel, string>> = {
  high: 'Høy',
  low: 'Lav',
  medium: 'Middels',
};
const MEASURE_STATUS: Readonly<Record<string, string>> = {
  cancelled: 'Avbrutt',
  done: 'Utført',
  in_progress: 'Under arbeid',
  planned: 'Planlagt',
  postponed: 'Utsatt',
};
const LEVEL_TYPES: Readonly<Record<string, string>> = {
  agency: 'Etat',
  department: 'Avdeling',
  district: 'Distrikt',
  municipality: 'Kommune',
  sector: 'Kommunalområde',
  team: 'Team',
  unit: 'Enhet',
};

/** The DSB steps the method chapter names (DSB, Veileder til helhetlig ROS i kommunen). */
const METHOD_STEPS = [
  'Planlegging og mandat: avgrensning, organisering og medvirkning.',
  'Identifisering av uønskede hendelser (fare og trussel) med årsaker og eksisterende barrierer.',
  'Vurdering av sannsynlighet for hver hendelse, med begrunnelse.',
  'Vurdering av konsekvenser for hver samfunnsverdi og konsekvenstype, med begrunnelse.',
  'Vurdering av sårbarhet, behov for varsling og evakuering, og usikkerhet i kunnskapsgrunnlaget.',
  'Sammenstilling i et risikobilde: risikomatriser samlet og per samfunnsverdi.',
  'Forslag til tiltak, vurdering av restrisiko etter tiltak og plan for oppfølging.',
];

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const MARGIN = { bottom: 60, left: 45, right: 45, top: 62 };
const GREY = '#555555';
const LINE = '#b0b0b0';
const HEAD_FILL = '#e8ecf0';

export const statusMark = (status: string): string =>
  status === 'approved' ? 'Godkjent' : status === 'superseded' ? 'Erstattet' : 'Utkast';

const yesNo = (value: boolean | null): string => (value === null ? 'Ikke vurdert' : value ? 'Ja' : 'Nei');
const orDash = (value: string | null | undefined): string => (value && value.trim() ? value.trim() : '–');
const dateNb = (iso: string | null): string => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '–');

interface Column {
  header: string;
  width: number;
}

/** The scenario's risk now and after measures, null where not yet assessed (or not on the scale). */
const risks = (scale: ScaleSet, scenario: RiskScenarioResponse): { current: ScenarioRisk | null; residual: ScenarioRisk | null } => {
  const safe = (likelihood: number | null, consequences: RiskScenarioResponse['consequences']): ScenarioRisk | null => {
    if (likelihood === null || consequences.length === 0) return null;
    try {
      return scenarioRisk(scale, likelihood, consequences);
    } catch {
      return null;
    }
  };
  return {
    current: safe(scenario.likelihoodRank, scenario.consequences),
    residual: safe(scenario.residualLikelihoodRank, scenario.residualConsequences),
  };
};

/** Draws the report on one pdfkit document kept in memory (bufferPages, so the running header and page numbers are added last). */
class ReportWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly left = MARGIN.left;
  readonly width: number;

  constructor(private readonly data: RiskReportData) {
    this.doc = new PDFDocument({
      autoFirstPage: true,
      bufferPages: true,
      displayTitle: true,
      info: {
        Author: winAnsiSafe(data.tenantName),
        CreationDate: data.generatedAt,
        Creator: 'Helhet',
        Subject: TYPE_LABELS[data.analysis.type],
        Title: winAnsiSafe(data.analysis.title),
      },
      lang: 'nb-NO',
      margins: MARGIN,
      size: 'A4',
    });
    this.width = this.doc.page.width - MARGIN.left - MARGIN.right;
    this.doc.font(FONT).fontSize(9.5).fillColor('#000000');
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  private get atTop(): boolean {
    return this.doc.y <= MARGIN.top + 1;
  }

  ensure(height: number): void {
    if (needsNewPage(this.doc.y, height, this.bottom, this.atTop)) this.doc.addPage();
    this.doc.x = this.left;
  }

  chapter(title: string): void {
    this.doc.addPage();
    this.doc.outline.addItem(winAnsiSafe(title));
    this.doc.font(BOLD).fontSize(17).fillColor('#1a2b3c').text(winAnsiSafe(title), this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.6);
    this.body();
  }

  heading(title: string, size = 12, keepWith = 70): void {
    this.doc.moveDown(0.4);
    this.ensure(keepWith);
    this.doc.font(BOLD).fontSize(size).fillColor('#1a2b3c').text(winAnsiSafe(title), this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
    this.body();
  }

  body(): void {
    this.doc.font(FONT).fontSize(9.5).fillColor('#000000');
  }

  para(text: string, options: { bold?: boolean; colour?: string; size?: number } = {}): void {
    this.doc
      .font(options.bold ? BOLD : FONT)
      .fontSize(options.size ?? 9.5)
      .fillColor(options.colour ?? '#000000');
    this.ensure(this.doc.currentLineHeight(true) * 2);
    this.doc.text(winAnsiSafe(text), this.left, this.doc.y, {
      width: this.width,
    });
    this.doc.moveDown(0.4);
    this.body();
  }

  /** A table with a repeated header row; a row taller than a page is written as flowing text instead. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], fontSize = 8): void {
    const pad = 3;
    const doc = this.doc;
    const rowHeight = (cells: readonly string[], font: string): number => {
      doc.font(font).fontSize(fontSize);
      return (
        Math.max(
          ...cells.map((cell, i) =>
            doc.heightOfString(winAnsiSafe(cell || ' '), {
              width: (columns[i]?.width ?? 50) - 2 * pad,
            }),
          ),
        ) +
        2 * pad
      );
    };
    const drawRow = (cells: readonly string[], font: string, fill: string | null, height: number): void => {
      let x = this.left;
      const y = doc.y;
      cells.forEach((cell, i) => {
        const width = columns[i]?.width ?? 50;
        if (fill) doc.rect(x, y, width, height).fill(fill);
        doc.lineWidth(0.5).rect(x, y, width, height).stroke(LINE);
        doc
          .font(font)
          .fontSize(fontSize)
          .fillColor('#000000')
          .text(winAnsiSafe(cell), x + pad, y + pad, {
            height: height - pad,
            width: width - 2 * pad,
          });
        x += width;
      });
      doc.x = this.left;
      doc.y = y + height;
    };
    const header = columns.map((column) => column.header);
    const headerHeight = rowHeight(header, BOLD);
    const usable = this.bottom - MARGIN.top - headerHeight - 4;
    this.ensure(headerHeight + Math.min(rowHeight(rows[0] ?? header, FONT), usable));
    drawRow(header, BOLD, HEAD_FILL, headerHeight);
    for (const row of rows) {
      const height = rowHeight(row, FONT);
      if (height > usable) {
        // Too tall for any page: write it as text, label by label.
        row.forEach((cell, i) =>
          this.para(`${columns[i]?.header ?? ''}: ${cell}`, {
            size: fontSize + 1,
          }),
        );
        continue;
      }
      if (needsNewPage(doc.y, height, this.bottom, this.atTop)) {
        doc.addPage();
        drawRow(header, BOLD, HEAD_FILL, headerHeight);
      }
      drawRow(row, FONT, null, height);
    }
    doc.moveDown(0.6);
    this.body();
  }

  keyValues(rows: readonly (readonly [string, string])[]): void {
    this.table(
      [
        { header: 'Felt', width: 140 },
        { header: 'Vurdering', width: this.width - 140 },
      ],
      rows,
      8.5,
    );
  }

  /** Width one matrix takes when two stand side by side. */
  get matrixWidth(): number {
    return (this.width - 20) / 2;
  }

  /**
   * One risk matrix at (x, y): rows are likelihood levels (most likely on top), columns consequence levels.
   * Each cell is filled with its band colour from `riskLevel`, shows the scenario numbers placed in it and
   * the band label in words (never colour alone). Returns the height used.
   */
  matrix(x: number, y: number, title: string, placements: ReadonlyMap<string, number[]>): number {
    const doc = this.doc;
    const { scale } = this.data;
    const { likelihood: rows, consequence: cols } = scale.matrix.size;
    const labelWidth = 54;
    const cellWidth = (this.matrixWidth - labelWidth) / cols;
    const cellHeight = 34;
    doc.font(BOLD).fontSize(8.5).fillColor('#1a2b3c').text(winAnsiSafe(title), x, y, { width: this.matrixWidth });
    let top = doc.y + 2;
    doc
      .font(FONT)
      .fontSize(6)
      .fillColor(GREY)
      .text('Sannsynlighet', x, top, { width: labelWidth - 3 });
    top = doc.y + 1;
    for (let r = 0; r < rows; r++) {
      const likelihoodRank = rows - r;
      const rowY = top + r * cellHeight;
      const level = scale.likelihoodLevels[likelihoodRank - 1];
      doc
        .font(FONT)
        .fontSize(6.5)
        .fillColor('#000000')
        .text(winAnsiSafe(`${likelihoodRank} ${level?.labelNb ?? ''}`), x, rowY + 4, { height: cellHeight - 4, width: labelWidth - 4 });
      for (let c = 0; c < cols; c++) {
        const consequenceRank = c + 1;
        const band = riskLevel(scale, likelihoodRank, consequenceRank);
        const cellX = x + labelWidth + c * cellWidth;
        doc.rect(cellX, rowY, cellWidth, cellHeight).fill(band.colour);
        doc.lineWidth(0.8).rect(cellX, rowY, cellWidth, cellHeight).stroke('#ffffff');
        const numbers = placements.get(`${likelihoodRank}:${consequenceRank}`) ?? [];
        if (numbers.length > 0) {
          doc
            .font(BOLD)
            .fontSize(6.5)
            .fillColor(band.textColour)
            // Up to two lines of numbers above the band label.
            .text(cellNumbers(numbers, 2 * Math.max(4, Math.floor(cellWidth / 3.9))), cellX + 1, rowY + 2, {
              align: 'center',
              height: 16,
              lineGap: -1,
              width: cellWidth - 2,
            });
        }
        doc
          .font(FONT)
          .fontSize(5)
          .fillColor(band.textColour)
          .text(winAnsiSafe(band.labelNb), cellX + 1, rowY + cellHeight - 13, {
            align: 'center',
            height: 12,
            width: cellWidth - 2,
          });
      }
    }
    const axisY = top + rows * cellHeight + 2;
    for (let c = 0; c < cols; c++) {
      const level = scale.consequenceLevels[c];
      doc
        .font(FONT)
        .fontSize(6)
        .fillColor('#000000')
        .text(winAnsiSafe(`${c + 1} ${level?.labelNb ?? ''}`), x + labelWidth + c * cellWidth, axisY, {
          align: 'center',
          height: 16,
          width: cellWidth,
        });
    }
    doc
      .font(FONT)
      .fontSize(6)
      .fillColor(GREY)
      .text('Konsekvens', x + labelWidth, axisY + 16, {
        align: 'center',
        width: cellWidth * cols,
      });
    this.body();
    return axisY + 26 - y;
  }

  /** Two matrices side by side (now | after measures), kept together on one page. */
  matrixPair(
    left: { title: string; placements: ReadonlyMap<string, number[]> },
    right: { title: string; placements: ReadonlyMap<string, number[]> },
  ): void {
    const height = 62 + this.data.scale.matrix.size.likelihood * 34;
    this.ensure(height);
    const y = this.doc.y;
    const used = Math.max(
      this.matrix(this.left, y, left.title, left.placements),
      this.matrix(this.left + this.matrixWidth + 20, y, right.title, right.placements),
    );
    this.doc.x = this.left;
    this.doc.y = y + used + 8;
  }

  /** One matrix without scenarios (the scale's bands), alone on the line. */
  singleMatrix(title: string): void {
    this.ensure(62 + this.data.scale.matrix.size.likelihood * 34);
    const y = this.doc.y;
    const used = this.matrix(this.left, y, title, new Map());
    this.doc.x = this.left;
    this.doc.y = y + used + 8;
  }

  /** Colour swatch, label and acceptance text of every band, so the matrices read without colour. */
  legend(): void {
    for (const band of this.data.scale.matrix.bands) {
      this.ensure(24);
      const y = this.doc.y;
      this.doc.rect(this.left, y, 26, 12).fill(band.colour);
      this.doc
        .font(BOLD)
        .fontSize(8.5)
        .fillColor('#000000')
        .text(winAnsiSafe(band.labelNb), this.left + 34, y + 1, {
          continued: true,
          width: this.width - 34,
        });
      this.doc.font(FONT).text(winAnsiSafe(`: ${band.acceptanceNb}`));
      this.doc.x = this.left;
      this.doc.moveDown(0.3);
    }
    this.body();
  }

  /** Writes the running header (kommune, title, status) and "Side x av n" on every page but the cover. */
  finishPages(): number {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    const mark = statusMark(this.data.analysis.status);
    const header = winAnsiSafe(`${this.data.tenantName} – ${this.data.analysis.title}`);
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      if (i === range.start) continue;
      const savedBottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font(FONT)
        .fontSize(8)
        .fillColor(GREY)
        .text(header, this.left, 28, {
          ellipsis: true,
          height: 11,
          lineBreak: false,
          width: this.width - 80,
        });
      doc
        .font(BOLD)
        .fontSize(8)
        .fillColor('#000000')
        .text(mark, this.left + this.width - 80, 28, {
          align: 'right',
          lineBreak: false,
          width: 80,
        });
      doc
        .lineWidth(0.5)
        .moveTo(this.left, 42)
        .lineTo(this.left + this.width, 42)
        .stroke(LINE);
      doc
        .font(FONT)
        .fontSize(8)
        .fillColor(GREY)
        .text(`Side ${i - range.start + 1} av ${range.count}`, this.left, doc.page.height - 40, {
          align: 'center',
          lineBreak: false,
          width: this.width,
        });
      doc.page.margins.bottom = savedBottom;
    }
    return range.count;
  }
}

/** Band label with its cell, e.g. "Høy risiko (S4 × K3, Dødsfall)". */
const riskText = (scale: ScaleSet, risk: ScenarioRisk | null): string => {
  if (!risk?.overall) return 'Ikke vurdert';
  const type = scale.consequenceTypes.find((candidate) => candidate.code === risk.overall?.typeCode);
  const { level } = risk.overall;
  return `${level.labelNb} (S${level.likelihoodRank} × K${level.consequenceRank}${type ? `, ${type.labelNb}` : ''})`;
};

/**
 * Builds the PDF report of one analysis (DSB-like layout: cover, 1 mandate and method, 2 participants,
 * 3 description, 4 risk picture, 5 scenario forms, 6 measures and follow-up plan). Risk levels come only
 * from `riskLevel`/`scenarioRisk` on the analysis's own scale. Reports progress per chapter and per scenario.
 */
export const buildRiskReportPdf = async (data: RiskReportData, progress: ReportProgress): Promise<{ pdf: Buffer; pageCount: number }> => {
  const { analysis, scale } = data;
  const w = new ReportWriter(data);
  const doc = w.doc;
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const scenarios = analysis.scenarios;
  const assessed = scenarios.map((scenario, index) => ({
    number: index + 1,
    scenario,
    ...risks(scale, scenario),
  }));

  // Cover
  await progress('cover');
  doc.rect(0, 0, doc.page.width, 12).fill('#1a2b3c');
  doc.font(FONT).fontSize(12).fillColor(GREY).text(winAnsiSafe(data.tenantName), MARGIN.left, 150, { width: w.width });
  doc.moveDown(0.5);
  doc.font(BOLD).fontSize(24).fillColor('#1a2b3c').text(winAnsiSafe(analysis.title), { width: w.width });
  doc.moveDown(0.5);
  doc.font(FONT).fontSize(13).fillColor('#000000').text(TYPE_LABELS[analysis.type], { width: w.width });
  doc.moveDown(2);
  const coverRows: [string, string][] = [
    ['Enhet', data.unit.name],
    ['Status', `${STATUS_LABELS[analysis.status] ?? analysis.status} (${statusMark(analysis.status)})`],
    ['Eier', analysis.owner?.name ?? 'Ikke satt'],
    ['Godkjent', analysis.approvedAt ? dateNb(analysis.approvedAt.slice(0, 10)) : 'Ikke godkjent'],
    ['Neste revisjon', dateNb(analysis.nextRevisionAt)],
    ['Skala', `${scale.nameNb}, versjon ${scale.version}`],
    ['Antall scenarioer', String(scenarios.length)],
    ['Rapport laget', `${dateNb(data.generatedAt.toISOString().slice(0, 10))} i Helhet`],
  ];
  for (const [label, value] of coverRows) {
    doc.font(BOLD).fontSize(10).fillColor('#000000').text(`${label}: `, { continued: true });
    doc.font(FONT).text(winAnsiSafe(value));
    doc.moveDown(0.2);
  }
  doc.moveDown(2);
  doc.font(BOLD).fontSize(10).text('Innhold');
  doc.font(FONT).fontSize(10);
  for (const line of [
    '1 Mandat og metode',
    '2 Deltakere',
    '3 Beskrivelse av kommunen/enheten',
    '4 Risikobilde',
    '5 Scenarioskjema',
    '6 Tiltak og oppfølgingsplan',
  ])
    doc.text(line);

  // 1 Mandate and method
  await progress('method');
  w.chapter('1 Mandat og metode');
  w.heading('1.1 Mandat');
  w.para(analysis.mandate?.trim() || 'Mandat er ikke registrert for analysen.');
  if (analysis.councilDecisionDate || analysis.councilCaseNumber) {
    w.para(
      `Vedtatt av kommunestyret ${dateNb(analysis.councilDecisionDate)}${analysis.councilCaseNumber ? `, sak ${analysis.councilCaseNumber}` : ''}.`,
    );
  }
  w.heading('1.2 Metode');
  w.para(
    'Analysen følger stegene i DSBs veileder for helhetlig risiko- og sårbarhetsanalyse i kommunen. Risiko er kombinasjonen av sannsynlighet og konsekvens. ' +
      'En hendelses risiko er den verste av konsekvenstypene som er vurdert, aldri et gjennomsnitt. Sårbarhet og usikkerhet vurderes ved siden av risikoen.',
  );
  METHOD_STEPS.forEach((step, index) => w.para(`${index + 1}. ${step}`));
  w.para(`Skala: ${scale.nameNb}, versjon ${scale.version}. Kilde: ${scale.source.replace(/\.+$/, '')}.`, { colour: GREY, size: 8.5 });
  w.heading('1.3 Sannsynlighet');
  w.table(
    [
      { header: 'Nivå', width: 40 },
      { header: 'Betegnelse', width: 100 },
      { header: 'Beskrivelse', width: w.width - 260 },
      { header: 'Sannsynlighet per år', width: 120 },
    ],
    scale.likelihoodLevels.map((level) => [String(level.rank), level.labelNb, level.descriptionNb, level.probabilityText ?? '–']),
  );
  w.heading('1.4 Konsekvenstyper og -nivåer');
  const levelWidth = (w.width - 170) / scale.consequenceLevels.length;
  w.table(
    [
      { header: 'Konsekvenstype', width: 100 },
      { header: 'Samfunnsverdi', width: 70 },
      ...scale.consequenceLevels.map((level) => ({
        header: `${level.rank} ${level.labelNb}`,
        width: levelWidth,
      })),
    ],
    scale.consequenceTypes.map((type) => [
      type.labelNb,
      scale.valueGroups.find((group) => group.code === type.valueGroup)?.labelNb ?? type.valueGroup,
      ...type.levels.map((level) => level.descriptionNb),
    ]),
    7,
  );
  w.heading('1.5 Risikomatrise og akseptkriterier', 12, 260);
  w.singleMatrix('Risikomatrise med fargebånd');
  w.legend();

  // 2 Participants
  await progress('participants');
  w.chapter('2 Deltakere');
  w.keyValues([
    ['Eier av analysen', analysis.owner?.name ?? 'Ikke satt'],
    ['Enhet', data.unit.name],
    ['Status', STATUS_LABELS[analysis.status] ?? analysis.status],
    ['Godkjent', analysis.approvedAt ? dateNb(analysis.approvedAt.slice(0, 10)) : 'Ikke godkjent ennå'],
    [
      'Kommunestyrevedtak',
      analysis.councilDecisionDate
        ? `${dateNb(analysis.councilDecisionDate)}${analysis.councilCaseNumber ? `, sak ${analysis.councilCaseNumber}` : ''}`
        : '–',
    ],
  ]);
  w.heading('2.1 Deltakere i arbeidsmøter');
  if (data.participants && data.participants.length > 0) {
    w.table(
      [
        { header: 'Navn', width: 200 },
        { header: 'Virksomhet', width: w.width - 320 },
        { header: 'Rolle', width: 120 },
      ],
      data.participants.map((participant) => [participant.name, orDash(participant.organisation), orDash(participant.role)]),
    );
  } else {
    w.para('Ingen deltakere fra arbeidsmøter er registrert i Helhet.');
  }

  // 3 Description
  await progress('description');
  w.chapter('3 Beskrivelse av kommunen/enheten');
  w.keyValues([
    ['Enhet', data.unit.name],
    ['Nivå', LEVEL_TYPES[data.unit.levelType] ?? data.unit.levelType],
    ['Ligger under', data.unit.ancestors.length > 0 ? data.unit.ancestors.join(' › ') : '– (øverste nivå)'],
    ['Antall underenheter', String(data.unit.subUnitCount)],
    ['Antall ansatte', data.unit.headcount === null ? 'Ikke registrert' : String(data.unit.headcount)],
    ['Analysetype', TYPE_LABELS[analysis.type]],
  ]);

  // 4 Risk picture
  await progress('risk_picture');
  w.chapter('4 Risikobilde');
  w.para(
    'Tallene i cellene er scenarionumrene i kapittel 5. Cellens fargebånd står også med ord. Venstre matrise viser risiko nå, høyre risiko etter foreslåtte tiltak (restrisiko).',
  );
  w.legend();
  const place = (
    pick: (entry: (typeof assessed)[number]) => { likelihoodRank: number; consequenceRank: number } | null,
  ): Map<string, number[]> => {
    const map = new Map<string, number[]>();
    for (const entry of assessed) {
      const level = pick(entry);
      if (!level) continue;
      const key = `${level.likelihoodRank}:${level.consequenceRank}`;
      map.set(key, [...(map.get(key) ?? []), entry.number]);
    }
    return map;
  };
  w.heading('4.1 Samlet risikomatrise', 12, 260);
  w.matrixPair(
    {
      placements: place((entry) => entry.current?.overall?.level ?? null),
      title: 'Risikomatrise samlet – nå',
    },
    {
      placements: place((entry) => entry.residual?.overall?.level ?? null),
      title: 'Risikomatrise samlet – etter tiltak',
    },
  );
  const unassessed = assessed.filter((entry) => !entry.current?.overall).map((entry) => entry.number);
  if (unassessed.length > 0)
    w.para(`Ikke vurdert ennå: scenario ${unassessed.join(', ')}.`, {
      colour: GREY,
      size: 8.5,
    });
  scale.valueGroups.forEach((group, index) => {
    const perGroup = (risk: ScenarioRisk | null) => risk?.perValueGroup.find((entry) => entry.valueGroup === group.code)?.level ?? null;
    w.heading(`4.${index + 2} Risikomatrise – ${group.labelNb}`, 12, 260);
    w.matrixPair(
      {
        placements: place((entry) => perGroup(entry.current)),
        title: `${group.labelNb} – nå`,
      },
      {
        placements: place((entry) => perGroup(entry.residual)),
        title: `${group.labelNb} – etter tiltak`,
      },
    );
  });
  w.heading(`4.${scale.valueGroups.length + 2} Oversikt over scenarioene`);
  w.table(
    [
      { header: 'Nr.', width: 30 },
      { header: 'Uønsket hendelse', width: w.width - 330 },
      { header: 'Risiko nå', width: 120 },
      { header: 'Etter tiltak', width: 120 },
      { header: 'Usikkerhet', width: 60 },
    ],
    assessed.map((entry) => [
      String(entry.number),
      entry.scenario.title,
      riskText(scale, entry.current),
      riskText(scale, entry.residual),
      entry.scenario.uncertainty ? THREE[entry.scenario.uncertainty] : '–',
    ]),
  );
  if (analysis.hmsItems.length > 0) {
    w.heading('HMS-risikoforhold');
    w.table(
      [
        { header: 'Faktor', width: 140 },
        { header: 'Arbeidsoppgave eller sted', width: w.width - 380 },
        { header: 'Risiko nå', width: 120 },
        { header: 'Etter tiltak', width: 120 },
      ],
      analysis.hmsItems.map((item) => [
        item.factor.labelNb,
        item.taskOrLocation,
        item.risk
          ? `${riskLevel(scale, item.risk.likelihoodRank, item.risk.consequenceRank).labelNb} (S${item.risk.likelihoodRank} × K${item.risk.consequenceRank})`
          : 'Ikke vurdert',
        item.residualRisk
          ? `${riskLevel(scale, item.residualRisk.likelihoodRank, item.residualRisk.consequenceRank).labelNb} (S${item.residualRisk.likelihoodRank} × K${item.residualRisk.consequenceRank})`
          : 'Ikke vurdert',
      ]),
    );
  }

  // 5 Scenario forms
  await progress('scenarios', 0, scenarios.length);
  w.chapter('5 Scenarioskjema');
  if (scenarios.length === 0) w.para('Analysen har ingen scenarioer ennå.');
  const measuresFor = (scenarioId: string) => (data.measures ?? []).filter((measure) => measure.scenarioId === scenarioId);
  for (const entry of assessed) {
    const { scenario, number } = entry;
    if (number > 1) doc.addPage();
    w.heading(`5.${number} Scenario ${number}: ${scenario.title}`, 13, 120);
    const likelihood = scenario.likelihoodRank === null ? null : scale.likelihoodLevels[scenario.likelihoodRank - 1];
    const residualLikelihood =
      scenario.residualLikelihoodRank === null ? null : scale.likelihoodLevels[scenario.residualLikelihoodRank - 1];
    w.keyValues([
      ['Fare eller trussel', scenario.hazardSource === 'threat' ? 'Trussel (tilsiktet handling)' : 'Fare'],
      ['Beskrivelse', orDash(scenario.description)],
      ['Årsaker', orDash(scenario.causes)],
      ['Eksisterende barrierer', orDash(scenario.existingBarriers)],
      [
        'Sårbarhet',
        `${scenario.vulnerability ? THREE[scenario.vulnerability] : 'Ikke vurdert'}${scenario.vulnerabilityText ? ` – ${scenario.vulnerabilityText}` : ''}`,
      ],
      ['Behov for varsling', yesNo(scenario.needsWarning)],
      ['Behov for evakuering', yesNo(scenario.needsEvacuation)],
      ['Varsling og evakuering', orDash(scenario.warningEvacuationText)],
      ['Sannsynlighet', likelihood ? `${likelihood.rank} ${likelihood.labelNb} (${likelihood.descriptionNb})` : 'Ikke vurdert'],
      ['Begrunnelse for sannsynlighet', orDash(scenario.likelihoodRationale)],
    ]);
    w.heading('Konsekvenser', 10.5, 60);
    const typeCodes = [
      ...new Set([...scenario.consequences.map((c) => c.typeCode), ...scenario.residualConsequences.map((c) => c.typeCode)]),
    ];
    const rankText = (rank: number | undefined): string =>
      rank === undefined ? '–' : `${rank} ${scale.consequenceLevels[rank - 1]?.labelNb ?? ''}`;
    if (typeCodes.length === 0) {
      w.para('Ingen konsekvenser er vurdert.');
    } else {
      w.table(
        [
          { header: 'Konsekvenstype', width: 130 },
          { header: 'Nå', width: 70 },
          { header: 'Etter tiltak', width: 70 },
          { header: 'Begrunnelse', width: w.width - 270 },
        ],
        typeCodes.map((code) => {
          const type = scale.consequenceTypes.find((candidate) => candidate.code === code);
          const current = scenario.consequences.find((c) => c.typeCode === code);
          const residual = scenario.residualConsequences.find((c) => c.typeCode === code);
          return [
            type?.labelNb ?? code,
            rankText(current?.rank),
            rankText(residual?.rank),
            orDash(current?.rationale ?? residual?.rationale),
          ];
        }),
      );
    }
    w.heading('Risiko', 10.5, 60);
    w.keyValues([
      ['Risiko nå', riskText(scale, entry.current)],
      ['Sannsynlighet etter tiltak', residualLikelihood ? `${residualLikelihood.rank} ${residualLikelihood.labelNb}` : 'Ikke vurdert'],
      ['Risiko etter tiltak (restrisiko)', riskText(scale, entry.residual)],
      [
        'Per samfunnsverdi (nå)',
        entry.current?.perValueGroup
          .map((risk) => `${scale.valueGroups.find((g) => g.code === risk.valueGroup)?.labelNb ?? risk.valueGroup}: ${risk.level.labelNb}`)
          .join('; ') || '–',
      ],
      ['Usikkerhet', scenario.uncertainty ? THREE[scenario.uncertainty] : 'Ikke vurdert'],
      ['Kunnskapsgrunnlag', orDash(scenario.knowledgeBase)],
      [
        'Tiltak',
        data.measures === null
          ? 'Ingen tiltak registrert'
          : measuresFor(scenario.id)
              .map((measure) => measure.title)
              .join('; ') || 'Ingen tiltak registrert',
      ],
    ]);
    await progress('scenarios', number, scenarios.length);
  }

  // 6 Measures and follow-up
  await progress('measures');
  w.chapter('6 Tiltak og oppfølgingsplan');
  const numberOf = new Map(assessed.map((entry) => [entry.scenario.id, entry.number]));
  if (!data.measures || data.measures.length === 0) {
    w.para('Ingen tiltak registrert.');
  } else {
    w.table(
      [
        { header: 'Tiltak', width: w.width - 280 },
        { header: 'Scenario', width: 50 },
        { header: 'Ansvarlig', width: 110 },
        { header: 'Frist', width: 60 },
        { header: 'Status', width: 60 },
      ],
      data.measures.map((measure) => [
        measure.title,
        String(numberOf.get(measure.scenarioId) ?? '–'),
        measure.ownerName ?? 'Ikke satt',
        dateNb(measure.deadline),
        MEASURE_STATUS[measure.status] ?? measure.status,
      ]),
    );
  }
  w.heading('6.1 Oppfølging');
  w.para(
    `Analysen skal oppdateres i takt med revisjon av kommunens planer og ved endringer i risiko- og sårbarhetsbildet. Neste revisjon: ${dateNb(analysis.nextRevisionAt)}.`,
  );

  await progress('finishing');
  const pageCount = w.finishPages();
  doc.end();
  await ended;
  return { pageCount, pdf: Buffer.concat(chunks) };
};
