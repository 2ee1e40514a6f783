import type { RiskReportData } from '../risk-report-data';
import type { AssessedScenario } from '../risk-report-format';
import type { ReportWriter } from '../risk-report-writer';

/** What every section draws from: the data, the writer (one pdfkit document) and the numbered, assessed scenarios. */
export interface ReportContext {
  data: RiskReportData;
  w: ReportWriter;
  assessed: AssessedScenario[];
}
