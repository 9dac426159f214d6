// The header of every administrative document (Decree 30/2020 layout): the issuing body top-left, the national
// title and motto top-right, then the number under the body and the place-date line under the motto.
import { FONT } from './fonts.ts';
import { contentWidth, type Pdf } from './pdf.ts';
import { bodySize, fitSize, measure, writeAt } from './text.ts';
import { vnDateLine, type DateLike } from './format.ts';

/** Who issues a document, e.g. { bodyName: 'UBND PHƯỜNG BỒNG LAI', deskName: 'BỘ PHẬN MỘT CỬA', place: 'Bồng Lai' }. */
export interface Issuer {
  /** The body the desk belongs to, printed in capitals. */
  bodyName: string;
  /** The desk or unit that issues the document, printed in capitals under the body. */
  deskName: string;
  /** Place name for the date line ("Bồng Lai, ngày …"). */
  place: string;
}

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface HeaderOptions {
  /** "Số: …" under the issuer; undefined prints dots to number by hand, false prints no number line. */
  number?: string | false;
  /** The date of the place-date line; without it the line is left out. */
  date?: DateLike;
}

const LEFT_SHARE = 0.42;
const COLUMN_GAP = 6;

/** Draws the two-column header at the top of the current page and moves below it. */
export function nationalHeader(doc: Pdf, issuer: Issuer, options: HeaderOptions = {}): void {
  const left = doc.page.margins.left;
  const top = doc.page.margins.top;
  const width = contentWidth(doc);
  const leftWidth = width * LEFT_SHARE;
  const rightX = left + leftWidth;
  const rightWidth = width - leftWidth;
  const size = bodySize(doc);

  // Left column: body and desk in bold capitals, a short rule under them.
  let y = top;
  for (const line of [issuer.bodyName, issuer.deskName]) {
    const text = line.toLocaleUpperCase('vi');
    // Shrink a long name a little before letting it wrap; it must not run into the national title.
    const lineSize = fitSize(doc, text, leftWidth - COLUMN_GAP, FONT.bold, size, size - 1.5);
    const opts = { font: FONT.bold, size: lineSize, width: leftWidth - COLUMN_GAP, align: 'center' } as const;
    writeAt(doc, text, left, y, opts);
    y += measure(doc, text, leftWidth, opts);
  }
  y += 3;
  rule(doc, left + (leftWidth - COLUMN_GAP) / 2, y, leftWidth / 3);
  const leftBottom = y + 5;

  // Right column: national title and motto (bold), the motto underlined by a rule of its own length.
  const titleSize = fitSize(doc, NATIONAL_TITLE, rightWidth, FONT.bold, size, size - 2);
  writeAt(doc, NATIONAL_TITLE, rightX, top, { font: FONT.bold, size: titleSize, width: rightWidth, align: 'center', lineBreak: false });
  const mottoY = top + doc.currentLineHeight(true);
  const mottoSize = fitSize(doc, NATIONAL_MOTTO, rightWidth, FONT.bold, size + 1, size - 1);
  writeAt(doc, NATIONAL_MOTTO, rightX, mottoY, { font: FONT.bold, size: mottoSize, width: rightWidth, align: 'center', lineBreak: false });
  const mottoWidth = doc.widthOfString(NATIONAL_MOTTO);
  const rightRuleY = mottoY + doc.currentLineHeight(true) + 1;
  rule(doc, rightX + rightWidth / 2, rightRuleY, mottoWidth);
  const rightBottom = rightRuleY + 5;

  // Number and place-date lines share a baseline under the taller column.
  const lineY = Math.max(leftBottom, rightBottom);
  let bottom = lineY;
  if (options.number !== false) {
    const number = `Số: ${options.number ?? '………'}`;
    writeAt(doc, number, left, lineY, { size, width: leftWidth - COLUMN_GAP, align: 'center' });
    bottom = Math.max(bottom, doc.y);
  }
  if (options.date !== undefined) {
    const line = vnDateLine(issuer.place, options.date);
    writeAt(doc, line, rightX, lineY, { font: FONT.italic, size, width: rightWidth, align: 'center' });
    bottom = Math.max(bottom, doc.y);
  }
  doc.x = left;
  doc.y = bottom;
}

/** A thin horizontal rule centred on x. */
function rule(doc: Pdf, centreX: number, y: number, length: number): void {
  doc.save().lineWidth(0.6).moveTo(centreX - length / 2, y).lineTo(centreX + length / 2, y).stroke().restore();
}
