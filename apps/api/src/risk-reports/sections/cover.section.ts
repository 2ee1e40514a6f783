import { RISK_ANALYSIS_STATUS_NB, RISK_ANALYSIS_TYPE_NB } from '@helhet/shared';

import { BOLD, dateNb, FONT, GREY, MARGIN, statusMark } from '../risk-report-format';
import { winAnsiSafe } from '../risk-report-layout';
import type { ReportContext } from './report-context';

/** The cover: kommune, title, type, key facts and the table of contents. */
export const drawCover = (ctx: ReportContext): void => {
  const { data, w } = ctx;
  const { analysis, scale } = data;
  const scenarios = analysis.scenarios;
  const doc = w.doc;
  doc.rect(0, 0, doc.page.width, 12).fill('#1a2b3c');
  doc.font(FONT).fontSize(12).fillColor(GREY).text(winAnsiSafe(data.tenantName), MARGIN.left, 150, { width: w.width });
  doc.moveDown(0.5);
  doc.font(BOLD).fontSize(24).fillColor('#1a2b3c').text(winAnsiSafe(analysis.title), { width: w.width });
  doc.moveDown(0.5);
  doc.font(FONT).fontSize(13).fillColor('#000000').text(RISK_ANALYSIS_TYPE_NB[analysis.type], { width: w.width });
  doc.moveDown(2);
  const coverRows: [string, string][] = [
    ['Enhet', data.unit.name],
    ['Status', `${RISK_ANALYSIS_STATUS_NB[analysis.status] ?? analysis.status} (${statusMark(analysis.status)})`],
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
};
