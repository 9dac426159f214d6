// Reading required documents (thành phần hồ sơ).
//
// The catalogue text is a flattened table: "<group>Tên giấy tờMẫu đơn, tờ khaiSố lượng<item><form file><quantity>…"
// where the quantity cell reads "1 bản chính", "1 bản sao" or "1 bản chính,1 bản sao", glued to the item before
// and the item after. The same words also occur inside items ("(01 bản chính hoặc 01 bản sao có chứng thực)"),
// so a quantity cell is recognised by its surroundings: no leading zero, not after a space or "(", and followed
// directly by the next item (or a bullet, or the end) rather than by more words.

import { foldVietnamese } from '../../../platform/text.ts';
import { issue } from './issues.ts';
import type { CopyType, ImportIssue, RequiredDocument } from './types.ts';

const TABLE_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';
const QUANTITY =
  /((?<![ \u00a0(\d])(?:[1-9]\d|\d)|(?<=\d)\d) bản (chính|sao)(?:,(\d{1,2}) bản (chính|sao))?(?=\s*$|[^\s.,;:)]|\s+[*+\-•\p{Lu}])/gu;
// "(01 bản chính)", "[bản sao có chứng thực]" or ", 02 bản sao" at the end of a template line.
const TRAILING_QUANTITY =
  /\s*(?:[(\[]\s*(?:\d+\s*)?bản\s+(?:chính|sao)[^()\[\]]*[)\]]|[,–-]\s*\d+\s*bản(?:\s+(?:chính|sao))?[^()\[\],]*)\s*$/u;
const FORM_FILE_EXTENSION = /\.(?:docx?|pdf|xlsx?|odt|rtf|zip|rar)$/i;

export interface CatalogueDocuments {
  documents: RequiredDocument[];
  notes: string[];
  issues: ImportIssue[];
}

export function parseCatalogueDocuments(raw: string): CatalogueDocuments {
  const sections = raw.split(TABLE_HEADER);
  if (sections.length === 1) {
    const issues = raw.trim() === '' ? [] : [issue('documents_unstructured', 'review', 'thanh_phan_ho_so', raw,
      'no document table found (the text reads like steps or prose); no documents imported',
      'không có bảng thành phần hồ sơ (nội dung giống trình tự thực hiện); chưa nhập giấy tờ nào')];
    return { documents: [], notes: [], issues };
  }
  const documents: RequiredDocument[] = [];
  const notes: string[] = [];
  const issues: ImportIssue[] = [];
  let group = cleanGroup(sections[0]);
  sections.slice(1).forEach((section, i) => {
    let cursor = 0;
    for (const quantity of section.matchAll(QUANTITY)) {
      const item = section.slice(cursor, quantity.index);
      cursor = quantity.index + quantity[0].length;
      const document = catalogueDocument(item, quantity, group);
      if (document) documents.push(document);
      else if (item.trim()) notes.push(collapse(stripBullets(item)));
    }
    const tail = section.slice(cursor);
    if (i < sections.length - 2) {
      group = cleanGroup(tail);
    } else if (tail.trim()) {
      notes.push(collapse(stripBullets(tail)));
      issues.push(issue('documents_trailing_text', 'info', 'thanh_phan_ho_so', tail.trim(),
        'text after the last document has no quantity; kept as a note',
        'đoạn văn sau giấy tờ cuối cùng không có số lượng; giữ làm ghi chú'));
    }
  });
  return { documents, notes, issues };
}

function catalogueDocument(item: string, quantity: RegExpMatchArray, group: string | null): RequiredDocument | null {
  const counts = readCounts(quantity);
  // "0 bản chính" marks a remark or a heading for the items below, not a paper to hand in.
  if (!counts.originalCount && !counts.copyCount) return null;
  const { name, formFile } = splitFormFile(collapse(item));
  const cleanName = stripBullets(name);
  if (!cleanName) return null;
  const copyType: CopyType =
    counts.originalCount && counts.copyCount ? 'either' : counts.originalCount ? 'original' : 'copy';
  const count = copyType === 'original' ? counts.originalCount : copyType === 'copy' ? counts.copyCount
    : Math.max(counts.originalCount ?? 0, counts.copyCount ?? 0);
  return {
    ...describe(cleanName, group),
    copyType,
    count,
    originalCount: counts.originalCount,
    copyCount: counts.copyCount,
    formFile,
    quantityText: quantity[0],
    sourceText: item + quantity[0],
  };
}

function readCounts(q: RegExpMatchArray): { originalCount: number | null; copyCount: number | null } {
  const pairs: Array<[string, string | undefined]> = [[q[2], q[1]], [q[4], q[3]]];
  const countOf = (kind: string) => {
    const pair = pairs.find(([k, n]) => k === kind && n !== undefined);
    return pair ? Number(pair[1]) : null;
  };
  return { originalCount: countOf('chính'), copyCount: countOf('sao') };
}

/** Facts read from a document's own wording, shared by the catalogue and the template reader. */
function describe(name: string, group: string | null) {
  const folded = foldVietnamese(name);
  return {
    name,
    certifiedCopy: /ban sao (?:co |duoc )?chung thuc|ban sao dien tu (?:co |duoc )?chung thuc/.test(folded),
    required: !/nếu có|không bắt buộc|tùy chọn|tuỳ chọn/iu.test(name),
    conditional: /^(?:[a-zđ\d]{1,2}[.)]\s*)?(?:truong hop|doi voi truong hop|neu)\b/.test(folded),
    presentOnly: group !== null && foldVietnamese(group).includes('xuat trinh'),
    group,
  };
}

/**
 * The published form's file name sits between the item and its quantity: "…của Bộ Công an)Mẫu DC02 Phiếu đề
 * nghị.doc". It starts after the last ")", ".", ";" or ":" glued to a letter or digit (not a decimal point), or
 * failing that at a lower-case letter glued to a capital ("…QĐ-TTgGiấy đề nghị.pdf").
 */
export function splitFormFile(text: string): { name: string; formFile: string | null } {
  if (!FORM_FILE_EXTENSION.test(text)) return { name: text, formFile: null };
  const stem = text.slice(0, text.lastIndexOf('.'));
  let boundary = -1;
  for (let p = 1; p < stem.length; p++) {
    const before = stem[p - 1];
    const here = stem[p];
    if (!/[\p{L}\d]/u.test(here) || !').;:'.includes(before)) continue;
    const digitBeforeDot = before === '.' && /\d/.test(stem[p - 2] ?? '');
    // Not a decimal point ("NĐ 40.2024") nor a list number ("…;1.MuCT01.doc", where the file name is "1.MuCT01").
    if (digitBeforeDot && (/\d/.test(here) || !/[\p{L}\d]/u.test(stem[p - 3] ?? ''))) continue;
    boundary = p;
  }
  if (boundary === -1) {
    for (let p = 1; p < stem.length; p++) {
      if (/\p{Ll}/u.test(stem[p - 1]) && /\p{Lu}/u.test(stem[p])) boundary = p;
    }
  }
  if (boundary === -1) return { name: stem.trim(), formFile: text.trim() };
  return { name: text.slice(0, boundary).trim(), formFile: text.slice(boundary).trim() };
}

/**
 * One document written on its own line, as in a province's template: "Tờ khai đăng ký khai sinh (01 bản
 * chính)", "Bản sao có chứng thực sổ hộ khẩu", "Văn bản ủy quyền (nếu có)".
 */
export function parseDocumentLine(line: string, group: string | null = null): RequiredDocument | null {
  const sourceText = line;
  const name = stripBullets(collapse(line));
  if (!name) return null;
  const folded = foldVietnamese(name);
  const copyType: CopyType | null = /ban chinh hoac (?:\S+ )?ban sao|ban sao hoac (?:\S+ )?ban chinh/.test(folded)
    ? 'either'
    : /\bban sao\b/.test(folded) ? 'copy' : /\bban chinh\b/.test(folded) ? 'original' : null;
  const countMatch = /(\d+)\s*ban\b/.exec(folded);
  const count = countMatch ? Number(countMatch[1]) : null;
  const quantityMatch = TRAILING_QUANTITY.exec(name);
  const shortName = quantityMatch && quantityMatch.index > 0 ? name.slice(0, quantityMatch.index).trim() : name;
  return {
    ...describe(shortName, group),
    copyType,
    count,
    originalCount: copyType === 'original' ? count : null,
    copyCount: copyType === 'copy' ? count : null,
    formFile: null,
    quantityText: quantityMatch ? quantityMatch[0].trim() : null,
    sourceText,
  };
}

function cleanGroup(text: string): string | null {
  const cleaned = collapse(text).replace(/^[\s*+\-•:]+|[\s*+\-•:]+$/gu, '');
  return cleaned === '' ? null : cleaned;
}

function stripBullets(text: string): string {
  return text.replace(/^[\s*+\-•–]+/u, '').trim();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
