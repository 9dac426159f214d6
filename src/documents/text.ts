// Text drawing: every string goes through NFC here, so decomposed input (e.g. from a macOS form field) prints
// with the same precomposed glyphs and extracts to the same text as everything else.
import { nfc } from '../platform/text.ts';
import { FONT, type FontName } from './fonts.ts';
import { BODY_SIZE, contentWidth, type PageSize, type Pdf } from './pdf.ts';

export interface WriteOptions extends PDFKit.Mixins.TextOptions {
  font?: FontName;
  /** Font size in points; the body size of the page by default. */
  size?: number;
}

/** The body font size of a document (set from its page size when it was created). */
export function bodySize(doc: Pdf): number {
  const size = (doc.options.size ?? 'A4') as PageSize;
  return BODY_SIZE[size] ?? BODY_SIZE.A4;
}

function applyFont(doc: Pdf, options: WriteOptions): PDFKit.Mixins.TextOptions {
  const { font, size, ...rest } = options;
  doc.font(font ?? FONT.regular).fontSize(size ?? bodySize(doc));
  return rest;
}

// PDFKit gives the newline character a width: a line that nearly fills the box followed by "\n" wraps once
// more (an empty line appears) and centred lines shift. Hard line breaks are therefore split off here and
// each line is set as a paragraph of its own.
function lines(text: string): string[] {
  return nfc(text).split(/\r?\n/).map((line) => (line === '' ? ' ' : line));
}

/** Writes a paragraph at the current position (flowing onto new pages when needed). */
export function write(doc: Pdf, text: string, options: WriteOptions = {}): void {
  const rest = applyFont(doc, options);
  const all = lines(text);
  all.forEach((line, i) => doc.text(line, { ...rest, continued: i === all.length - 1 ? rest.continued : false }));
}

/** Writes text at an explicit position. */
export function writeAt(doc: Pdf, text: string, x: number, y: number, options: WriteOptions = {}): void {
  const rest = applyFont(doc, options);
  lines(text).forEach((line, i) => doc.text(line, x, i === 0 ? y : doc.y, rest));
}

/** Height a text would take in a given width. */
export function measure(doc: Pdf, text: string, width: number, options: WriteOptions = {}): number {
  const rest = applyFont(doc, options);
  return lines(text).reduce((sum, line) => sum + doc.heightOfString(line, { ...rest, width }), 0);
}

/** The largest size from `preferred` down to `min` (half-point steps) at which the text fits on one line. */
export function fitSize(doc: Pdf, text: string, width: number, font: FontName, preferred: number, min: number): number {
  let size = preferred;
  doc.font(font);
  while (size > min && doc.fontSize(size).widthOfString(nfc(text)) > width) size -= 0.5;
  return size;
}

export interface Segment {
  text: string;
  font?: FontName;
}

/** One paragraph of mixed faces, e.g. a regular label followed by a bold value. */
export function rich(doc: Pdf, segments: Segment[], options: WriteOptions = {}): void {
  const parts = segments.filter((s) => s.text !== '');
  parts.forEach((segment, i) => {
    write(doc, segment.text, { ...options, font: segment.font ?? options.font, continued: i < parts.length - 1 });
  });
}

/** "Label: value", the value in bold; an empty value prints a dotted line to fill in by hand. */
export function field(doc: Pdf, label: string, value: string | null | undefined, options: WriteOptions = {}): void {
  const shown = value && value.trim() !== '' ? value : '……………………';
  rich(doc, [{ text: `${label}: ` }, { text: shown, font: FONT.bold }], options);
}

/** A numbered list with hanging indentation: "1. …", "2. …". */
export function numbered(doc: Pdf, items: string[], options: WriteOptions = {}): void {
  const left = doc.page.margins.left;
  const indent = 16;
  items.forEach((item, i) => {
    const y = doc.y;
    writeAt(doc, `${i + 1}.`, left, y, options);
    writeAt(doc, item, left + indent, y, { ...options, width: contentWidth(doc) - indent });
  });
  doc.x = left;
}

/** The form title: bold capitals, centred, with an optional italic line under it. */
export function formTitle(doc: Pdf, title: string, subtitle?: string): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.moveDown(0.8);
  writeAt(doc, title.toLocaleUpperCase('vi'), left, doc.y, { font: FONT.bold, size: bodySize(doc) + 2, width, align: 'center' });
  if (subtitle) write(doc, subtitle, { font: FONT.italic, width, align: 'center' });
  doc.moveDown(0.6);
  doc.x = left;
}

/** Vertical space in lines of the body size. */
export function gap(doc: Pdf, lines = 0.5): void {
  doc.fontSize(bodySize(doc)).moveDown(lines);
}
