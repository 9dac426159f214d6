// Form 06 — SỔ THEO DÕI HỒ SƠ: the register of a unit's dossiers for a period, as a PDF (A4 landscape, header
// row repeated on every page, "Trang 1/3") and as an XLSX workbook for further processing.
import {
  addDataRow, addHeaderRow, addTitleRows, createPdf, createWorkbook, drawTable, EXCEL_DATE_TIME, excelWallTime,
  FONT, formatVnDate, formTitle, nationalHeader, numberPages, pdfBuffer, write, xlsxBuffer,
} from '../../../documents/index.ts';
import { cellDateTime, CHANNEL_LABELS } from './common.ts';
import type { RegisterData, RegisterRow } from './types.ts';

export const FORM_06_TITLE = 'SỔ THEO DÕI HỒ SƠ';

interface RegisterColumn {
  header: string;
  /** Relative width in the PDF, roughly points on the A4 landscape page (a dossier code fits on one line). */
  weight: number;
  /** Column width in the XLSX, in characters. */
  excelWidth: number;
  align?: 'left' | 'center' | 'right';
  /** An instant shown as a real Excel date-time. */
  isDate?: boolean;
  pdf: (row: RegisterRow) => string;
  excel: (row: RegisterRow) => string | number | Date | null;
}

const instant = (value: Date | null | undefined): Date | null => (value ? excelWallTime(value) : null);

const COLUMNS: RegisterColumn[] = [
  { header: 'STT', weight: 24, excelWidth: 6, align: 'center', pdf: (r) => String(r.ordinal), excel: (r) => r.ordinal },
  { header: 'Mã hồ sơ', weight: 108, excelWidth: 28, pdf: (r) => r.code, excel: (r) => r.code },
  { header: 'Người nộp hồ sơ', weight: 92, excelWidth: 26, pdf: (r) => r.applicantName, excel: (r) => r.applicantName },
  { header: 'Thủ tục hành chính', weight: 120, excelWidth: 40, pdf: (r) => r.procedureName, excel: (r) => r.procedureName },
  { header: 'Kênh nộp', weight: 52, excelWidth: 12, align: 'center', pdf: (r) => CHANNEL_LABELS[r.channel], excel: (r) => CHANNEL_LABELS[r.channel] },
  { header: 'Ngày nhận', weight: 48, excelWidth: 17, align: 'center', isDate: true, pdf: (r) => cellDateTime(r.receivedAt), excel: (r) => instant(r.receivedAt) },
  { header: 'Hẹn trả kết quả', weight: 48, excelWidth: 17, align: 'center', isDate: true, pdf: (r) => cellDateTime(r.dueAt), excel: (r) => instant(r.dueAt) },
  { header: 'Ngày có kết quả', weight: 48, excelWidth: 17, align: 'center', isDate: true, pdf: (r) => cellDateTime(r.finishedAt), excel: (r) => instant(r.finishedAt) },
  { header: 'Ngày trả kết quả', weight: 48, excelWidth: 17, align: 'center', isDate: true, pdf: (r) => cellDateTime(r.returnedAt), excel: (r) => instant(r.returnedAt) },
  { header: 'Trạng thái', weight: 62, excelWidth: 20, pdf: (r) => r.status, excel: (r) => r.status },
  { header: 'Kết quả xử lý', weight: 56, excelWidth: 20, pdf: (r) => r.classification, excel: (r) => r.classification },
  { header: 'Ghi chú', weight: 52, excelWidth: 24, pdf: (r) => r.note ?? '', excel: (r) => r.note ?? null },
];

export function registerPeriod(data: Pick<RegisterData, 'from' | 'to'>): string {
  return `Từ ngày ${formatVnDate(data.from)} đến ngày ${formatVnDate(data.to)}`;
}

/** Metadata date: the printing time, else the last day of the period, so that no clock is read. */
function documentDate(data: RegisterData): Date {
  return data.printedAt ?? new Date(`${data.to}T00:00:00+07:00`);
}

export async function renderRegisterPdf(data: RegisterData): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', layout: 'landscape', title: `${FORM_06_TITLE} — ${data.unitName}`, createdAt: documentDate(data) });
  nationalHeader(doc, data.issuer, { number: false, date: data.printedAt ?? undefined });
  formTitle(doc, FORM_06_TITLE, `${data.unitName} — ${registerPeriod(data)}`);
  drawTable(doc, {
    size: 8.5,
    columns: COLUMNS.map(({ header, weight, align }) => ({ header, weight, align })),
    rows: data.rows.map((row) => COLUMNS.map((c) => c.pdf(row))),
  });
  doc.moveDown(0.5);
  write(doc, data.rows.length ? `Tổng số: ${data.rows.length} hồ sơ.` : 'Không có hồ sơ nào trong kỳ.', { font: FONT.italic, size: 11 });
  numberPages(doc);
  return pdfBuffer(doc);
}

export async function renderRegisterXlsx(data: RegisterData): Promise<Buffer> {
  const workbook = createWorkbook(documentDate(data));
  const sheet = workbook.addWorksheet('Sổ theo dõi hồ sơ', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = COLUMNS.map((c) => ({ width: c.excelWidth }));
  addTitleRows(
    sheet,
    [
      { text: `${data.issuer.bodyName} — ${data.issuer.deskName}`, bold: true },
      { text: FORM_06_TITLE, bold: true, size: 14 },
      { text: data.unitName },
      { text: registerPeriod(data), italic: true },
    ],
    COLUMNS.length,
  );
  sheet.addRow([]);
  addHeaderRow(sheet, COLUMNS.map((c) => c.header));
  for (const row of data.rows) {
    const added = addDataRow(sheet, COLUMNS.map((c) => c.excel(row)));
    COLUMNS.forEach((c, i) => {
      if (c.isDate) added.getCell(i + 1).numFmt = EXCEL_DATE_TIME;
      if (c.align) added.getCell(i + 1).alignment = { vertical: 'top', horizontal: c.align, wrapText: true };
    });
  }
  return xlsxBuffer(workbook);
}
