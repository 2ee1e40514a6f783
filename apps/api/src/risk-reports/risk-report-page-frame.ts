import type { RiskReportData } from './risk-report-data';
import { BOLD, FONT, GREY, LINE, statusMark } from './risk-report-format';
import { winAnsiSafe } from './risk-report-layout';
import type { ReportWriter } from './risk-report-writer';

/** Writes the running header (kommune, title, status) and "Side x av n" on every page but the cover. */
export const finishPages = (w: ReportWriter, data: RiskReportData): number => {
  const doc = w.doc;
  const range = doc.bufferedPageRange();
  const mark = statusMark(data.analysis.status);
  const header = winAnsiSafe(`${data.tenantName} – ${data.analysis.title}`);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    if (i === range.start) continue;
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(GREY)
      .text(header, w.left, 28, {
        ellipsis: true,
        height: 11,
        lineBreak: false,
        width: w.width - 80,
      });
    doc
      .font(BOLD)
      .fontSize(8)
      .fillColor('#000000')
      .text(mark, w.left + w.width - 80, 28, {
        align: 'right',
        lineBreak: false,
        width: 80,
      });
    doc
      .lineWidth(0.5)
      .moveTo(w.left, 42)
      .lineTo(w.left + w.width, 42)
      .stroke(LINE);
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(GREY)
      .text(`Side ${i - range.start + 1} av ${range.count}`, w.left, doc.page.height - 40, {
        align: 'center',
        lineBreak: false,
        width: w.width,
      });
    doc.page.margins.bottom = savedBottom;
  }
  return range.count;
};
