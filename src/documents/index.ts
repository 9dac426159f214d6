// Documents kernel: PDF pages with embedded Vietnamese fonts, the national header, dates, QR codes, tables,
// signature blocks and XLSX helpers. Pure rendering: data in, bytes out.
export { FONT, fontFiles, fontPath, type FontName } from './fonts.ts';
export {
  BODY_SIZE, contentBottom, contentWidth, createPdf, ensureSpace, pdfBuffer,
  type PageLayout, type PageSize, type Pdf, type PdfOptions,
} from './pdf.ts';
export {
  bodySize, field, fitSize, formTitle, gap, measure, numbered, rich, write, writeAt,
  type Segment, type WriteOptions,
} from './text.ts';
export { nationalHeader, NATIONAL_MOTTO, NATIONAL_TITLE, type HeaderOptions, type Issuer } from './header.ts';
export { SIGN_HINT, signatures, type SignatureBlock } from './signature.ts';
export { drawTable, type TableColumn, type TableOptions } from './table.ts';
export { numberPages } from './pages.ts';
export { drawQr, qrPng, type QrOptions } from './qr.ts';
export {
  formatVnd, formatVnDate, formatVnDateTime, formatVnDateTimeShort, formatVnLongDate, formatVnTime, vnDateLine,
  vnWallClock, type DateLike,
} from './format.ts';
export {
  addDataRow, addHeaderRow, addTitleRows, createWorkbook, EXCEL_DATE, EXCEL_DATE_TIME, excelDate, excelWallTime,
  xlsxBuffer, type TitleLine,
} from './xlsx.ts';
