// Test helpers: read rendered PDFs back with Debian's poppler-utils (pdftotext, pdfinfo, pdfimages).
// Imported by tests only. Without the tools the tests fail loudly instead of passing without checking anything.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';

const MISSING =
  'poppler-utils is not installed: the document tests read PDFs back with pdftotext/pdfinfo/pdfimages. ' +
  'Install it with `apt-get install -y poppler-utils` (Debian/Ubuntu).';

function run(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} not found. ${MISSING}`);
    throw error;
  }
}

function withPdfFile<T>(pdf: Buffer, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'gandan-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text of a PDF, normalised to NFC. 'layout' (`pdftotext -layout`) keeps the page geometry: use it for
 * headers, titles and paragraphs. 'raw' keeps the drawing order, so the wrapped lines of one table cell stay
 * together instead of interleaving with the neighbouring cells; it also keeps the spaces of a line made only of
 * single letters ("ỹ ỵ ữ"), which -layout takes for letter-spacing and drops.
 */
export function pdfText(pdf: Buffer, mode: 'layout' | 'raw' = 'layout'): string {
  return withPdfFile(pdf, (file) => run('pdftotext', [`-${mode}`, '-enc', 'UTF-8', file, '-'])).normalize('NFC');
}

/** The raw text with every whitespace run (line breaks inside table cells included) collapsed to one space. */
export function pdfFlatText(pdf: Buffer): string {
  return squash(pdfText(pdf, 'raw'));
}

/** The text of each page (pdftotext separates pages with a form feed). */
export function pdfPages(pdf: Buffer): string[] {
  const pages = pdfText(pdf).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export interface PdfInfo {
  pages: number;
  /** Page size in points, rounded. */
  width: number;
  height: number;
  fields: Record<string, string>;
}

export function pdfInfo(pdf: Buffer): PdfInfo {
  const out = withPdfFile(pdf, (file) => run('pdfinfo', [file]));
  const fields: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) fields[m[1]] = m[2];
  }
  const size = /([\d.]+) x ([\d.]+) pts/.exec(fields['Page size'] ?? '');
  if (!size) throw new Error(`pdfinfo gave no page size:\n${out}`);
  return { pages: Number(fields.Pages), width: Math.round(Number(size[1])), height: Math.round(Number(size[2])), fields };
}

/** Page sizes in points (portrait). */
export const PAGE_POINTS = { A4: { width: 595, height: 842 }, A5: { width: 420, height: 595 } } as const;

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 = black. */
  pixels: Uint8Array;
}

/** The raster images embedded in a PDF (soft masks left out), as greyscale pixels. */
export function pdfImages(pdf: Buffer): GreyImage[] {
  return withPdfFile(pdf, (file, dir) => {
    const list = run('pdfimages', ['-list', file]).split('\n').slice(2).filter((l) => l.trim() !== '');
    run('pdfimages', [file, join(dir, 'img')]);
    const files = readdirSync(dir).filter((f) => f.startsWith('img-')).sort();
    return files
      .filter((_, i) => list[i]?.trim().split(/\s+/)[2] === 'image')
      .map((f) => readPnm(readFileSync(join(dir, f))));
  });
}

// pdfimages writes PPM (P6), PGM (P5) or PBM (P4); all three are trivial to read.
function readPnm(bytes: Buffer): GreyImage {
  const header: string[] = [];
  let pos = 0;
  const kind = bytes.toString('latin1', 0, 2);
  const wanted = kind === 'P4' ? 3 : 4;
  while (header.length < wanted) {
    while (/\s/.test(String.fromCharCode(bytes[pos]))) pos++;
    if (bytes[pos] === 0x23) {
      while (bytes[pos] !== 0x0a) pos++;
      continue;
    }
    let token = '';
    while (!/\s/.test(String.fromCharCode(bytes[pos]))) token += String.fromCharCode(bytes[pos++]);
    header.push(token);
  }
  pos++;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    if (kind === 'P6') pixels[i] = Math.round((bytes[pos + 3 * i] + bytes[pos + 3 * i + 1] + bytes[pos + 3 * i + 2]) / 3);
    else if (kind === 'P5') pixels[i] = bytes[pos + i];
    else if (kind === 'P4') {
      const rowBytes = Math.ceil(width / 8);
      const x = i % width;
      const y = Math.floor(i / width);
      pixels[i] = (bytes[pos + y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1 ? 0 : 255;
    } else throw new Error(`Unsupported image format ${kind}`);
  }
  return { width, height, pixels };
}

/** Whitespace runs collapsed to one space, for phrases that -layout may space out. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Asserts that every expected string (NFC) appears in the extracted text, showing the text when one does not. */
export function assertContainsAll(text: string, expected: string[]): void {
  const missing = expected.map((e) => e.normalize('NFC')).filter((e) => !text.includes(e));
  assert.deepEqual(missing, [], `not found in the PDF text:\n${missing.join('\n')}\n--- text ---\n${text}`);
}

/**
 * Whether an image is the QR code (error correction M) of a text: the module grid of the image, sampled at
 * the centre of each module, equals the grid QRCode computes for the text. Assumes a quiet zone of `margin`
 * modules, as qrPng draws it.
 */
export function imageShowsQr(image: GreyImage, text: string, margin = 1): boolean {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const scale = image.width / (modules.size + 2 * margin);
  if (image.width !== image.height || !Number.isInteger(scale)) return false;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      const x = Math.floor((col + margin + 0.5) * scale);
      const y = Math.floor((row + margin + 0.5) * scale);
      const dark = image.pixels[y * image.width + x] < 128;
      if (dark !== Boolean(modules.get(row, col))) return false;
    }
  }
  return true;
}
