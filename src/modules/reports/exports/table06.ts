// Table 06 exports: XLSX in the official layout (two merged header rows, column numbers, numbers as numbers),
// PDF (A4 landscape, via the documents kernel) and CSV (UTF-8 with a BOM so Excel reads the Vietnamese).
// Aggregates only: no applicant's personal data can appear in these files.
import type ExcelJS from 'exceljs';
import {
  addDataRow, addHeaderRow, addTitleRows, createPdf, createWorkbook, drawTable, FONT, formTitle, nationalHeader,
  numberPages, pdfBuffer, signatures, write, xlsxBuffer, type Issuer,
} from '../../../documents/index.ts';
import type { Table06Figures } from '../domain/indicators.ts';
import {
  closedApartNote, groupingLabels, IN_PROGRESS_GROUP, RECEIVED_GROUP, RESOLVED_GROUP, table06Columns, TABLE_06_TITLE,
  TOTAL_LABEL, type Table06, type Table06Row,
} from '../domain/table06.ts';
import { formatVnInteger } from '../domain/numbers.ts';

export interface Table06Document {
  table: Table06;
  issuer: Issuer;
  unitName: string;
  /** "Quý I năm 2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)". */
  periodLine: string;
  /** Metadata and date line: the report's day, never the clock. */
  createdAt: Date;
}

function rowLabel(row: Table06Row): string {
  return row.code ? `${row.label} (${row.code})` : row.label;
}

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function table06Xlsx(d: Table06Document): Promise<Buffer> {
  const workbook = createWorkbook(d.createdAt);
  const sheet = workbook.addWorksheet('Biểu 06', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = 2 + table06Columns.length;
  sheet.columns = [{ width: 6 }, { width: 42 }, ...table06Columns.map(() => ({ width: 13 }))];
  addTitleRows(sheet, [
    { text: d.unitName, bold: true },
    { text: TABLE_06_TITLE, bold: true, size: 14 },
    { text: `Kỳ báo cáo: ${d.periodLine}`, italic: true },
    { text: 'Đơn vị tính: hồ sơ', italic: true, size: 10 },
  ], width);
  sheet.addRow([]);
  const groupRow = addHeaderRow(sheet, ['STT', groupingLabels[d.table.groupBy], ...table06Columns.map((c) => c.group)]);
  const subRow = addHeaderRow(sheet, ['', '', ...table06Columns.map((c) => c.header)]);
  const numbers = addHeaderRow(sheet, Array.from({ length: width }, (_, i) => `(${i + 1})`));
  numbers.eachCell((cell) => { cell.font = { name: 'Times New Roman', italic: true, size: 10 }; });
  const top = groupRow.number;
  sheet.mergeCells(top, 1, subRow.number, 1);
  sheet.mergeCells(top, 2, subRow.number, 2);
  for (const group of [RECEIVED_GROUP, RESOLVED_GROUP, IN_PROGRESS_GROUP]) {
    const first = table06Columns.findIndex((c) => c.group === group) + 3;
    const count = table06Columns.filter((c) => c.group === group).length;
    sheet.mergeCells(top, first, top, first + count - 1);
  }
  groupRow.height = 32;
  subRow.height = 48;
  const figures = (f: Table06Figures) => table06Columns.map((c) => c.value(f));
  d.table.rows.forEach((row, i) => {
    const added = addDataRow(sheet, [i + 1, rowLabel(row), ...figures(row.figures)]);
    numberCells(added, width);
  });
  const total = addDataRow(sheet, ['', TOTAL_LABEL, ...figures(d.table.total)]);
  numberCells(total, width);
  total.eachCell((cell) => { cell.font = { name: 'Times New Roman', bold: true, size: 11 }; });
  const note = closedApartNote(d.table.total);
  if (note) {
    const row = sheet.addRow([note]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { name: 'Times New Roman', italic: true, size: 10 };
    row.getCell(1).alignment = { wrapText: true };
    row.height = 30;
  }
  sheet.views = [{ state: 'frozen', ySplit: numbers.number, xSplit: 2 }];
  return xlsxBuffer(workbook);
}

function numberCells(row: ExcelJS.Row, width: number): void {
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'top' };
  for (let i = 3; i <= width; i++) {
    const cell = row.getCell(i);
    cell.numFmt = '#,##0';
    cell.alignment = { horizontal: 'right', vertical: 'top' };
    cell.border = BORDER;
  }
}

const SHORT_GROUP: Record<string, string> = {
  [RECEIVED_GROUP]: 'Nhận giải quyết',
  [RESOLVED_GROUP]: 'Đã giải quyết',
  [IN_PROGRESS_GROUP]: 'Đang giải quyết',
};

export async function table06Pdf(d: Table06Document): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', layout: 'landscape', title: `${TABLE_06_TITLE} — ${d.unitName}`, createdAt: d.createdAt });
  nationalHeader(doc, d.issuer, { number: false, date: d.createdAt });
  formTitle(doc, TABLE_06_TITLE, `${d.unitName} — Kỳ báo cáo: ${d.periodLine}`);
  const figures = (f: Table06Figures) => table06Columns.map((c) => formatVnInteger(c.value(f)));
  drawTable(doc, {
    size: 8.5,
    columns: [
      { header: 'STT', weight: 22, align: 'center' },
      { header: groupingLabels[d.table.groupBy], weight: 150 },
      ...table06Columns.map((c) => ({ header: `${SHORT_GROUP[c.group]}:\n${c.header}`, weight: 48, align: 'right' as const })),
    ],
    rows: [
      ...d.table.rows.map((row, i) => [String(i + 1), rowLabel(row), ...figures(row.figures)]),
      ['', TOTAL_LABEL, ...figures(d.table.total)],
    ],
  });
  const note = closedApartNote(d.table.total);
  if (note) {
    doc.moveDown(0.4);
    write(doc, note, { font: FONT.italic, size: 10 });
  }
  signatures(doc, [{ role: 'Người lập biểu', hint: '(Ký, ghi rõ họ tên)' }, { role: 'Thủ trưởng đơn vị', hint: '(Ký, ghi rõ họ tên, đóng dấu)' }]);
  numberPages(doc);
  return pdfBuffer(doc);
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function table06Csv(table: Table06): string {
  const header = ['STT', groupingLabels[table.groupBy], 'Mã thủ tục', ...table06Columns.map((c) => `${c.group} - ${c.header}`),
    'Rút hồ sơ', 'Dừng xử lý'];
  const line = (cells: (string | number)[]) => cells.map(csvCell).join(',');
  const values = (f: Table06Figures) => [...table06Columns.map((c) => c.value(f)), f.withdrawn, f.stopped];
  const lines = [
    line(header),
    ...table.rows.map((row, i) => line([i + 1, row.label, row.code ?? '', ...values(row.figures)])),
    line(['', TOTAL_LABEL, '', ...values(table.total)]),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
