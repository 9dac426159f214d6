// Text helpers shared by every module that searches or sorts Vietnamese text.

/** Lower-cases, strips diacritics (đ → d) and collapses whitespace: "Thủ tục Đăng ký" → "thu tuc dang ky". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order (Đ after D), which PGlite's collation gets wrong. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Unicode NFC, the form every stored and printed text uses. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}
