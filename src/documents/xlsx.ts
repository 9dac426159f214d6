// Spreadsheet helpers (ExcelJS) for registers and reports exported to XLSX.
import ExcelJS from 'exceljs';
import { nfc } from '../platform/text.ts';

const VN_OFFSET_MS = 7 * 3_600_000;

/**
 * Excel dates have no time zone: the cell shows the wall clock it stores. ExcelJS converts a Date through its
 * UTC fields, so shifting the instant by +7 hours makes the cell read Vietnamese time on any machine.
 */
export function excelWallTime(instant: Date): Date {
  return new Date(instant.getTime() + VN_OFFSET_MS);
}

/** A 'YYYY-MM-DD' calendar date as an Excel date (midnight). */
export function excelDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export const EXCEL_DATE_TIME = 'dd/mm/yyyy hh:mm';
export const EXCEL_DATE = 'dd/mm/yyyy';

/** A workbook whose metadata carries the given date instead of the current time. */
export function createWorkbook(createdAt: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gần Dân';
  workbook.created = createdAt;
  workbook.modified = createdAt;
  return workbook;
}

export interface TitleLine {
  text: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

/** Title lines merged across the table width and centred, above the header row. */
export function addTitleRows(sheet: ExcelJS.Worksheet, lines: TitleLine[], columnCount: number): void {
  for (const line of lines) {
    const row = sheet.addRow([nfc(line.text)]);
    sheet.mergeCells(row.number, 1, row.number, columnCount);
    const cell = row.getCell(1);
    cell.font = { name: 'Times New Roman', bold: line.bold, italic: line.italic, size: line.size ?? 12 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
}

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The header row: bold, wrapped, ruled; the sheet is frozen below it so it stays visible when scrolling. */
export function addHeaderRow(sheet: ExcelJS.Worksheet, labels: string[]): ExcelJS.Row {
  const row = sheet.addRow(labels.map(nfc));
  row.eachCell((cell) => {
    cell.font = { name: 'Times New Roman', bold: true, size: 11 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: row.number, xSplit: 0 }];
  return row;
}

/** A data row: strings normalised to NFC, every cell ruled. */
export function addDataRow(sheet: ExcelJS.Worksheet, values: (string | number | Date | null)[]): ExcelJS.Row {
  const row = sheet.addRow(values.map((v) => (typeof v === 'string' ? nfc(v) : v)));
  for (let i = 1; i <= values.length; i++) {
    const cell = row.getCell(i);
    cell.font = { name: 'Times New Roman', size: 11 };
    cell.alignment = { vertical: 'top', wrapText: true };
    cell.border = BORDER;
  }
  return row;
}

export async function xlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
