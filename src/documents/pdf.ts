// Creating and finishing PDF documents: page size, margins, embedded fonts, deterministic metadata.
import PDFDocument from 'pdfkit';
import { FONT, fontFiles } from './fonts.ts';
import { nfc } from '../platform/text.ts';

export type Pdf = PDFKit.PDFDocument;
export type PageSize = 'A4' | 'A5';
export type PageLayout = 'portrait' | 'landscape';

export interface PdfOptions {
  size: PageSize;
  layout?: PageLayout;
  /** Document title in the PDF metadata. */
  title?: string;
  /**
   * Creation date written in the metadata. Pass the date of the event the document records: the same data then
   * gives the same bytes (the file identifier is derived from the metadata), and no clock is read here.
   */
  createdAt: Date;
}

// Margins in points (1 mm ≈ 2.835 pt), after Decree 30/2020: a wider left margin for binding.
const MARGINS: Record<PageSize, { top: number; bottom: number; left: number; right: number }> = {
  A4: { top: 57, bottom: 57, left: 71, right: 45 },
  A5: { top: 34, bottom: 34, left: 45, right: 28 },
};

/** Body font size per page size. */
export const BODY_SIZE: Record<PageSize, number> = { A4: 12, A5: 10 };

export function createPdf(options: PdfOptions): Pdf {
  const layout = options.layout ?? 'portrait';
  const margins = { ...MARGINS[options.size] };
  if (layout === 'landscape') {
    // Landscape pages carry wide tables (registers): even 15 mm margins leave the most room for columns.
    margins.top = margins.bottom = margins.left = margins.right = 42;
  }
  const doc = new PDFDocument({
    size: options.size,
    layout,
    margins,
    bufferPages: true, // page numbers are written once the page count is known
    lang: 'vi-VN',
    displayTitle: Boolean(options.title),
    info: {
      // PDFKit hashes every info entry into the file identifier: absent keys must be left out, not undefined.
      ...(options.title ? { Title: nfc(options.title) } : {}),
      Creator: 'Gần Dân',
      Producer: 'Gần Dân (PDFKit)',
      CreationDate: options.createdAt,
    },
    autoFirstPage: false,
  });
  registerFonts(doc);
  doc.addPage();
  doc.font(FONT.regular).fontSize(BODY_SIZE[options.size]);
  return doc;
}

// Each document parses its own copy of the fonts (~40 ms a face). Sharing one parsed font between documents
// is faster but wrong: fontkit caches glyphs with the code points of their first use, and a glyph first met as
// a component of another (the "o" inside "ọ") then loses its Unicode mapping in every later document.
function registerFonts(doc: Pdf): void {
  for (const [name, bytes] of fontFiles()) doc.registerFont(name, bytes);
}

/** Ends the document and collects its bytes. */
export function pdfBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Width between the margins of the current page. */
export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** The y below which nothing may be drawn on the current page. */
export function contentBottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when fewer than `height` points remain. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > contentBottom(doc)) doc.addPage();
}
