import type { ReportProgress, RiskReportData } from './risk-report-data';
import { type AssessedScenario, risks } from './risk-report-format';
import { finishPages } from './risk-report-page-frame';
import { ReportWriter } from './risk-report-writer';
import { drawCover } from './sections/cover.section';
import { drawDescription } from './sections/description.section';
import { drawMeasures } from './sections/measures.section';
import { drawMethod } from './sections/method.section';
import { drawParticipants } from './sections/participants.section';
import type { ReportContext } from './sections/report-context';
import { drawRiskPicture } from './sections/risk-picture.section';
import { drawScenarioForms } from './sections/scenario-forms.section';

export type { ReportProgress, RiskReportData } from './risk-report-data';
export { statusMark } from './risk-report-format';

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
  const assessed: AssessedScenario[] = scenarios.map((scenario, index) => ({
    number: index + 1,
    scenario,
    ...risks(scale, scenario),
  }));

  const ctx: ReportContext = { assessed, data, w };
  await progress('cover');
  drawCover(ctx);
  await progress('method');
  drawMethod(ctx);
  await progress('participants');
  drawParticipants(ctx);
  await progress('description');
  drawDescription(ctx);
  await progress('risk_picture');
  drawRiskPicture(ctx);
  await progress('scenarios', 0, scenarios.length);
  await drawScenarioForms(ctx, progress);
  await progress('measures');
  drawMeasures(ctx);

  await progress('finishing');
  const pageCount = finishPages(w, data);
  doc.end();
  await ended;
  return { pageCount, pdf: Buffer.concat(chunks) };
};
