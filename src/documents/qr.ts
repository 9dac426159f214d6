// QR codes as PNG images, for the receipt (form 01): the citizen scans it to look the dossier up.
import QRCode from 'qrcode';
import { nfc } from '../platform/text.ts';
import type { Pdf } from './pdf.ts';

export interface QrOptions {
  /** Pixels per module. */
  scale?: number;
  /** Quiet zone in modules around the code (the page around it is white anyway). */
  margin?: number;
}

/** A QR code (error correction level M) of the text, as PNG bytes. */
export function qrPng(text: string, options: QrOptions = {}): Promise<Buffer> {
  return QRCode.toBuffer(nfc(text), {
    type: 'png',
    errorCorrectionLevel: 'M',
    scale: options.scale ?? 4,
    margin: options.margin ?? 1,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
}

/** Places a QR PNG as a square of `side` points with its top-left corner at (x, y). */
export function drawQr(doc: Pdf, png: Buffer, x: number, y: number, side: number): void {
  doc.image(png, x, y, { width: side, height: side });
}
