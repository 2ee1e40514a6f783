import type { SheetRow } from '@helhet/domain';
import { RISK_IMPORT_LIMITS } from '@helhet/shared';
import { Workbook } from 'exceljs';

import { invalidField } from '../core/http/domain.exception';
import { parseCsv } from './csv.util';

/** An uploaded file as multer hands it over (memory storage). */
export interface UploadedSpreadsheet {
  originalname: string;
  size: number;
  buffer: Buffer;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const field = RISK_IMPORT_LIMITS.field;

/** The text of an exceljs cell value, whatever its type (rich text, formula result, hyperlink, date, boolean). */
export const cellString = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nei';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const object = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(object.richText)) return object.richText.map((part) => part.text).join('');
    if ('result' in object) return cellString(object.result);
    if ('text' in object) return cellString(object.text);
  }
  return '';
};

const readXlsx = async (buffer: Buffer): Promise<SheetRow[]> => {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw invalidField(field, 'not a readable Excel (.xlsx) file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidField(field, 'the workbook has no sheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellString(cell.value);
    });
    rows.push({ cells: Array.from(cells, (cell) => cell ?? ''), rowNumber });
  });
  return rows;
};

/** UTF-8 (with or without BOM), else Windows-1252: what Excel's "CSV (semikolondelt)" writes on Norwegian Windows. */
const decodeText = (buffer: Buffer): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
};

/**
 * The rows of an uploaded .xlsx (first sheet) or .csv file, the type decided by the content, not the name.
 * Anything else, an empty file or more rows than the limit is a 400 naming the field `file`.
 */
export const readSpreadsheet = async (file: UploadedSpreadsheet | undefined): Promise<SheetRow[]> => {
  if (!file) throw invalidField(field, 'is required (an .xlsx or .csv file)');
  if (file.size === 0) throw invalidField(field, 'file is empty');
  if (file.size > RISK_IMPORT_LIMITS.maxBytes)
    throw invalidField(field, `file is larger than ${RISK_IMPORT_LIMITS.maxBytes / 1024 / 1024} MB`);
  const head = file.buffer.subarray(0, 4);
  let rows: SheetRow[];
  if (head.equals(ZIP)) rows = await readXlsx(file.buffer);
  else if (head.equals(OLE)) throw invalidField(field, 'old Excel format (.xls): save the file as .xlsx or .csv');
  else if (file.buffer.subarray(0, 64 * 1024).includes(0)) throw invalidField(field, 'must be an .xlsx or .csv file');
  else rows = parseCsv(decodeText(file.buffer)).map((cells, index) => ({ cells, rowNumber: index + 1 }));
  const used = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (used.length === 0) throw invalidField(field, 'the file has no rows');
  if (used.length > RISK_IMPORT_LIMITS.maxRows + 1) throw invalidField(field, `at most ${RISK_IMPORT_LIMITS.maxRows} scenarios per file`);
  return rows;
};
