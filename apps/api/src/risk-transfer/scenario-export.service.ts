import { type ScaleSet, type ScenarioCell, scenarioColumns, scenarioTableRow, todayDateOnly } from '@helhet/domain';
import type { RiskAnalysisResponse, RiskExportFormat } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Workbook, type Worksheet } from 'exceljs';
import type { DataSource } from 'typeorm';

import type { AuthContext } from '../auth/auth-context';
import { DomainException } from '../core/http/domain.exception';
import { RiskQuery } from '../risk/risk.query';
import { toCsv } from './csv.util';

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<RiskExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `ROS-<title>-<date>`, with characters that file systems refuse replaced. */
export const exportFileName = (title: string, date: string, format: RiskExportFormat): string => {
  const clean = [...title.normalize('NFC')]
    .map((char) => (char.charCodeAt(0) < 32 || '\\/"<>:|?*'.includes(char) ? '-' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `ROS-${clean || 'analyse'}-${date}.${format}`;
};

/**
 * The scenario table of an analysis as Excel or CSV: one row per scenario with the columns of
 * `scenarioColumns` (libs/domain), the same layout the import reads.
 */
@Injectable()
export class ScenarioExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly query: RiskQuery,
  ) {}

  async export(auth: AuthContext, analysisId: string, format: RiskExportFormat): Promise<ExportedFile> {
    const analysis = await this.query.get(auth, analysisId);
    const [scale] = (await this.dataSource.query(`SELECT definition FROM scale_set WHERE tenant_id = $1 AND id = $2`, [
      auth.tenantId,
      analysis.scaleSet.id,
    ])) as { definition: ScaleSet }[];
    if (!scale) throw new DomainException('RISK_ANALYSIS_NOT_FOUND', 'Scale of the analysis not found');
    const headings = scenarioColumns(scale.definition).map((column) => column.heading);
    const rows = analysis.scenarios.map((scenario, index) => scenarioTableRow(scale.definition, index + 1, scenario));
    const fileName = exportFileName(analysis.title, todayDateOnly(), format);
    const body = format === 'csv' ? Buffer.from(toCsv([headings, ...rows]), 'utf8') : await this.workbook(scale.definition, analysis, rows);
    return { body, contentType: CONTENT_TYPES[format], fileName };
  }

  private async workbook(scale: ScaleSet, analysis: RiskAnalysisResponse, rows: ScenarioCell[][]): Promise<Buffer> {
    const workbook = new Workbook();
    workbook.creator = 'Helhet';
    workbook.title = analysis.title;
    const sheet = workbook.addWorksheet('Scenarier', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
    const columns = scenarioColumns(scale);
    sheet.columns = columns.map((column) => ({ header: column.heading, width: column.width }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'top', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { fgColor: { argb: 'FFE8EEF4' }, pattern: 'solid', type: 'pattern' };
    });
    const last = rows.length + 1 + 200; // room for new rows typed into the template
    rows.forEach((cells, index) => {
      const row = sheet.addRow(cells);
      row.alignment = { vertical: 'top', wrapText: true };
      columns.forEach((column, c) => {
        if (column.kind !== 'band') return;
        const scenario = analysis.scenarios[index];
        const risk = column.residual ? scenario?.residualRisk : scenario?.risk;
        if (!risk) return;
        const cell = row.getCell(c + 1);
        cell.fill = { fgColor: { argb: argb(risk.colour) }, pattern: 'solid', type: 'pattern' };
        cell.font = { bold: true, color: { argb: argb(risk.textColour) } };
      });
    });
    // Choices as drop-downs and ranks as whole numbers on the scale, for the rows people fill in.
    columns.forEach((column, c) => {
      const list = (values: string[]) => ({
        allowBlank: true,
        formulae: [`"${values.join(',')}"`],
        showErrorMessage: true,
        type: 'list' as const,
      });
      const whole = (max: number) => ({
        allowBlank: true,
        error: `Skriv et helt tall fra 1 til ${max}, eller nivået som tekst`,
        errorStyle: 'warning',
        formulae: [1, max],
        operator: 'between' as const,
        showErrorMessage: true,
        type: 'whole' as const,
      });
      const validation =
        column.kind === 'hazard'
          ? list(['Fare', 'Trussel'])
          : column.kind === 'yesNo'
            ? list(['Ja', 'Nei'])
            : column.kind === 'threeLevel'
              ? list(['Lav', 'Middels', 'Høy'])
              : column.kind === 'likelihood'
                ? whole(scale.matrix.size.likelihood)
                : column.kind === 'consequence'
                  ? whole(scale.matrix.size.consequence)
                  : null;
      if (!validation) return;
      const letter = sheet.getColumn(c + 1).letter;
      (sheet as Worksheet & { dataValidations: { add(range: string, value: unknown): void } }).dataValidations.add(
        `${letter}2:${letter}${last}`,
        validation,
      );
    });
    this.scaleSheet(workbook, scale);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** Second sheet: what each rank means on this scale, so whoever fills in the template uses the right numbers. */
  private scaleSheet(workbook: Workbook, scale: ScaleSet): void {
    const sheet = workbook.addWorksheet('Skala');
    sheet.columns = [{ width: 44 }, { width: 8 }, { width: 22 }, { width: 60 }];
    const heading = (text: string) => {
      const row = sheet.addRow([text]);
      row.font = { bold: true, size: 12 };
    };
    const columnHeads = (...texts: string[]) => {
      sheet.addRow(texts).font = { bold: true };
    };
    sheet.addRow([`${scale.nameNb} (versjon ${scale.version})`]).font = { bold: true, size: 14 };
    sheet.addRow(['Skriv rangen (tallet) eller nivåets navn i scenarioarket. Beregnede kolonner leses ikke inn.']);
    sheet.addRow([]);
    heading('Sannsynlighet');
    columnHeads('Nivå', 'Rang', 'Sannsynlighet', 'Beskrivelse');
    for (const level of scale.likelihoodLevels) sheet.addRow([level.labelNb, level.rank, level.probabilityText ?? '', level.descriptionNb]);
    for (const type of scale.consequenceTypes) {
      sheet.addRow([]);
      heading(`Konsekvens: ${type.labelNb}`);
      columnHeads('Nivå', 'Rang', '', 'Beskrivelse');
      for (const level of type.levels) sheet.addRow([level.labelNb, level.rank, '', level.descriptionNb]);
    }
    sheet.addRow([]);
    heading('Risikonivåer');
    columnHeads('Nivå', '', '', 'Akseptkriterium');
    for (const band of scale.matrix.bands) sheet.addRow([band.labelNb, '', '', band.acceptanceNb]);
    sheet.eachRow((row) => {
      row.alignment = { vertical: 'top', wrapText: true };
    });
  }
}

/** `#rgb`/`#rrggbb` → exceljs ARGB. */
const argb = (hex: string): string => {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return `FF${full.toUpperCase()}`;
};
