// Signature blocks at the foot of a form: one column per signer, the role in bold capitals, the hint in
// italics, room to sign, then the name.
import { FONT } from './fonts.ts';
import { contentBottom, contentWidth, type Pdf } from './pdf.ts';
import { bodySize, measure, writeAt } from './text.ts';

export interface SignatureBlock {
  /** e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ" or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH". */
  role: string;
  /** e.g. "(Ký và ghi rõ họ tên)"; omitted when empty. */
  hint?: string;
  /** Printed under the signing space; left blank for the applicant to write. */
  name?: string;
}

export const SIGN_HINT = '(Ký và ghi rõ họ tên)';
const SIGN_SPACE = 48;

/**
 * Draws the blocks side by side, starting a new page if they would not fit whole. A single signer signs in the
 * right half, under the date line, as on administrative documents.
 */
export function signatures(doc: Pdf, blocks: SignatureBlock[]): void {
  const margin = doc.page.margins.left;
  const width = contentWidth(doc) / Math.max(blocks.length, 2);
  const left = blocks.length === 1 ? margin + width : margin;
  const size = bodySize(doc);
  const heights = blocks.map((b) => blockHeight(doc, b, width));
  doc.moveDown(1);
  if (doc.y + Math.max(...heights) > contentBottom(doc)) doc.addPage();
  const top = doc.y;
  let bottom = top;
  blocks.forEach((block, i) => {
    const x = left + i * width;
    let y = top;
    const role = block.role.toLocaleUpperCase('vi');
    writeAt(doc, role, x, y, { font: FONT.bold, size, width, align: 'center' });
    y = doc.y;
    if (block.hint) {
      writeAt(doc, block.hint, x, y, { font: FONT.italic, size: size - 1, width, align: 'center' });
      y = doc.y;
    }
    y += SIGN_SPACE;
    if (block.name) {
      writeAt(doc, block.name, x, y, { font: FONT.bold, size, width, align: 'center' });
      y = doc.y;
    }
    bottom = Math.max(bottom, y);
  });
  doc.x = margin;
  doc.y = bottom;
}

function blockHeight(doc: Pdf, block: SignatureBlock, width: number): number {
  const size = bodySize(doc);
  return (
    measure(doc, block.role, width, { font: FONT.bold, size }) +
    (block.hint ? measure(doc, block.hint, width, { font: FONT.italic, size: size - 1 }) : 0) +
    SIGN_SPACE +
    (block.name ? measure(doc, block.name, width, { font: FONT.bold, size }) : 0) +
    doc.currentLineHeight(true)
  );
}
