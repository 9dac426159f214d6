// Reading an import file (the national catalogue's JSON, or a filled CSV/XLSX template) into entries and a
// report of what could not be read. Shared by the command line and the API.

import { badRequest } from '../../../platform/errors.ts';
import {
  CsvError,
  formatCatalogueReport,
  parseCatalogue,
  parseCatalogueTemplateCsv,
  parseCatalogueTemplateXlsx,
  type CatalogueImportReport,
  type TemplateParseResult,
} from '../domain/index.ts';
import type { ImportEntry } from './import.ts';

export type ImportFormat = 'catalogue' | 'csv' | 'xlsx';

export interface ParsedImportFile {
  format: ImportFormat;
  entries: ImportEntry[];
  /** The catalogue parser's report, or the template's row errors. */
  report: CatalogueImportReport | { procedures: number; errors: TemplateParseResult['errors'] };
  /** The same for people: counts, then every item to review. */
  reportText: string;
}

/** From a file name's extension, or a content type; null when neither says. */
export function detectFormat(nameOrType: string, data?: Buffer): ImportFormat | null {
  const s = nameOrType.toLowerCase();
  if (s.endsWith('.json') || s.includes('json')) return 'catalogue';
  if (s.endsWith('.csv') || s.includes('csv')) return 'csv';
  if (s.endsWith('.xlsx') || s.includes('spreadsheetml')) return 'xlsx';
  // A zip signature: an XLSX workbook sent as application/octet-stream.
  if (data && data.length > 4 && data[0] === 0x50 && data[1] === 0x4b) return 'xlsx';
  return null;
}

/** Throws a 400 AppError when the file cannot be read at all. */
export async function parseImportFile(format: ImportFormat, data: Buffer | string | unknown): Promise<ParsedImportFile> {
  if (format === 'catalogue') return parseCatalogueFile(data);
  let result: TemplateParseResult;
  try {
    result = format === 'csv'
      ? parseCatalogueTemplateCsv(Buffer.isBuffer(data) ? data.toString('utf8') : String(data))
      : await parseCatalogueTemplateXlsx(Buffer.isBuffer(data) ? data : Buffer.from(String(data)));
  } catch (err) {
    if (err instanceof CsvError) {
      throw badRequest('invalid_file', `The CSV file cannot be read: ${err.message}.`, `Không đọc được tệp CSV: ${err.message} (dòng ${err.line}).`);
    }
    throw err;
  }
  const header = result.errors.find((e) => e.field === 'header');
  if (header) {
    throw badRequest('invalid_template', `The file does not follow the template: ${header.message}.`,
      `Tệp không theo mẫu: ${header.messageVi}.`, [{ field: 'file', message: header.message, messageVi: header.messageVi }]);
  }
  const lines = [
    `Procedures read / thủ tục đọc được: ${result.procedures.length}`,
    `Rows with errors (their procedures were left out) / dòng có lỗi (thủ tục của dòng đó không được nhập): ${result.errors.length}`,
    ...result.errors.map((e) => `  row ${e.row}, ${e.field}: ${e.message} / ${e.messageVi}`),
  ];
  return {
    format,
    entries: result.procedures.map((procedure) => ({ procedure, issues: [] })),
    report: { procedures: result.procedures.length, errors: result.errors },
    reportText: lines.join('\n'),
  };
}

function parseCatalogueFile(data: Buffer | string | unknown): ParsedImportFile {
  let file = data;
  if (Buffer.isBuffer(data) || typeof data === 'string') {
    try {
      file = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : data);
    } catch {
      throw badRequest('invalid_json', 'The file is not valid JSON.', 'Tệp không phải JSON hợp lệ.');
    }
  }
  let parsed;
  try {
    parsed = parseCatalogue(file);
  } catch (err) {
    if (err instanceof TypeError) {
      throw badRequest('invalid_catalogue', `${err.message}.`,
        'Tệp phải là danh sách thủ tục hoặc đối tượng có mảng "procedures" theo định dạng của Cơ sở dữ liệu quốc gia về thủ tục hành chính.');
    }
    throw err;
  }
  const review = parsed.report.review.map((r) => `  ${r.code} [${r.kind}] ${r.message} / ${r.messageVi}: ${r.text.slice(0, 120)}`);
  return {
    format: 'catalogue',
    entries: parsed.entries,
    report: parsed.report,
    reportText: [formatCatalogueReport(parsed.report), `To review / cần rà soát (${review.length}):`, ...review].join('\n'),
  };
}
