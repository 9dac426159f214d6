// Ruled tables that continue across pages: before a row that does not fit, a new page starts and the header
// row is drawn again, so every printed page can be read on its own.
import { FONT } from './fonts.ts';
import { contentBottom, contentWidth, type Pdf } from './pdf.ts';
import { bodySize, measure, writeAt } from './text.ts';

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the width between the margins in these proportions. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  columns: TableColumn[];
  rows: string[][];
  /** Font size of the cells; the body size minus one by default. */
  size?: number;
}

const PAD = 3;
const HEADER_FILL = '#e8e8e8';

export function drawTable(doc: Pdf, options: TableOptions): void {
  const size = options.size ?? bodySize(doc) - 1;
  const left = doc.page.margins.left;
  const total = options.columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = options.columns.map((c) => (contentWidth(doc) * c.weight) / total);
  const headers = options.columns.map((c) => c.header);
  const rowHeight = (cells: string[], bold: boolean): number =>
    Math.max(...cells.map((text, i) => measure(doc, text, widths[i] - 2 * PAD, { font: bold ? FONT.bold : FONT.regular, size }))) +
    2 * PAD;

  const drawRow = (cells: string[], bold: boolean, height: number): void => {
    let x = left;
    const y = doc.y;
    cells.forEach((text, i) => {
      const w = widths[i];
      if (bold) doc.save().rect(x, y, w, height).fill(HEADER_FILL).restore();
      doc.save().lineWidth(0.5).rect(x, y, w, height).stroke().restore();
      const align = bold ? 'center' : (options.columns[i].align ?? 'left');
      writeAt(doc, text, x + PAD, y + PAD, { font: bold ? FONT.bold : FONT.regular, size, width: w - 2 * PAD, align });
      x += w;
    });
    doc.x = left;
    doc.y = y + height;
  };

  const headerHeight = rowHeight(headers, true);
  const drawHeader = (): void => drawRow(headers, true, headerHeight);
  const firstRow = options.rows[0];
  // Keep the header with at least the first row.
  if (doc.y + headerHeight + (firstRow ? rowHeight(firstRow, false) : 0) > contentBottom(doc)) doc.addPage();
  drawHeader();
  for (const row of options.rows) {
    const cells = options.columns.map((_, i) => row[i] ?? '');
    const height = rowHeight(cells, false);
    if (doc.y + height > contentBottom(doc)) {
      doc.addPage();
      drawHeader();
    }
    drawRow(cells, false, height);
  }
}
