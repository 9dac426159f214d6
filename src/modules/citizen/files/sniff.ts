// What an uploaded file really is, read from its first bytes (its "magic number"), never from its name or the
// browser's declared type: a renamed file must not slip through as a PDF.

export const acceptedMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedMediaType = (typeof acceptedMediaTypes)[number];

const extensionOf: Record<AcceptedMediaType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

/** "%PDF-1.x" at the start; some scanners put a byte-order mark or blank lines before it. */
function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  return /^(\xEF\xBB\xBF)?\s{0,16}%PDF-\d\.\d/.test(head);
}

export function sniffMediaType(bytes: Uint8Array): AcceptedMediaType | null {
  if (startsWith(bytes, pngSignature)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (isPdf(bytes)) return 'application/pdf';
  return null;
}

export interface UploadVerdict {
  ok: boolean;
  mediaType?: AcceptedMediaType;
  /** The stored name: the original name with the extension of what the file really is. */
  name?: string;
  code?: 'empty_file' | 'unsupported_file_type' | 'file_type_mismatch';
  message?: string;
  messageVi?: string;
}

const declaredExtension = (name: string) => /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase() ?? null;
const typeForExtension: Record<string, AcceptedMediaType> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/** The name shown back to people: no folders, no control characters, NFC, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || 'tep').slice(-200);
}

/**
 * Accepts PDF, JPEG and PNG by content. A name that promises one type while the content is another (a text file
 * renamed "giay-to.pdf") is refused with a message that says exactly that.
 */
export function judgeUpload(name: string, bytes: Uint8Array): UploadVerdict {
  const shown = cleanFileName(name);
  if (bytes.length === 0) {
    return { ok: false, code: 'empty_file', message: `The file “${shown}” is empty.`, messageVi: `Tệp “${shown}” không có nội dung.` };
  }
  const sniffed = sniffMediaType(bytes);
  const ext = declaredExtension(shown);
  const promised = ext ? typeForExtension[ext] : undefined;
  if (!sniffed) {
    if (promised) {
      const label = ext!.toUpperCase();
      return {
        ok: false, code: 'file_type_mismatch',
        message: `The file “${shown}” is named .${ext} but its content is not a ${label} file. Upload the real ${label} (for example, scan or export the document again).`,
        messageVi: `Tệp “${shown}” có đuôi .${ext} nhưng nội dung không phải tệp ${label}. Hãy tải lên đúng tệp ${label} (ví dụ quét hoặc xuất lại giấy tờ).`,
      };
    }
    return {
      ok: false, code: 'unsupported_file_type',
      message: `The file “${shown}” is not a PDF, JPEG or PNG file. Only these formats are accepted.`,
      messageVi: `Tệp “${shown}” không phải tệp PDF, JPEG hoặc PNG. Chỉ nhận các định dạng này.`,
    };
  }
  const right = extensionOf[sniffed];
  const renamed = promised === sniffed ? shown : `${ext ? shown.slice(0, -(ext.length + 1)) : shown}.${right}`;
  return { ok: true, mediaType: sniffed, name: renamed };
}
