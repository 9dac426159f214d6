// Page numbers are written last, when the page count is known (documents are created with bufferPages).
import { FONT } from './fonts.ts';
import type { Pdf } from './pdf.ts';
import { bodySize, writeAt } from './text.ts';

/** Writes "Trang 1/3" (or another label) centred in the bottom margin of every page. */
export function numberPages(doc: Pdf, label: (page: number, total: number) => string = (p, n) => `Trang ${p}/${n}`): void {
  const range = doc.bufferedPageRange();
  const size = bodySize(doc) - 2;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    // Writing inside the bottom margin would otherwise make PDFKit start a new page.
    const bottom = margins.bottom;
    margins.bottom = 0;
    writeAt(doc, label(i - range.start + 1, range.count), margins.left, height - bottom / 2 - size / 2, {
      font: FONT.italic,
      size,
      width: width - margins.left - margins.right,
      align: 'center',
      lineBreak: false,
    });
    margins.bottom = bottom;
  }
}
