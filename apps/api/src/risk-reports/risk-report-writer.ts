import { riskLevel } from '@helhet/domain';
import { RISK_ANALYSIS_TYPE_NB } from '@helhet/shared';
import PDFDocument from 'pdfkit';

import type { RiskReportData } from './risk-report-data';
import { BOLD, type Column, FONT, GREY, HEAD_FILL, LINE, MARGIN } from './risk-report-format';
import { cellNumbers, needsNewPage, winAnsiSafe } from './risk-report-layout';

/** Draws the report on one pdfkit document kept in memory (bufferPages, so the running header and page numbers are added last). */
export class ReportWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly left = MARGIN.left;
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
        Subject: RISK_ANALYSIS_TYPE_NB[data.analysis.type],
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
}
