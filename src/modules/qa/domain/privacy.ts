import { foldVietnamese } from '../../../platform/text.ts';

// A question becomes public (the FAQ) only without the asker's personal data. The official edits the public
// text; we offer a first redaction and refuse to publish while the asker's name, phone, email or an ID number
// is still in it.

export interface Asker {
  name: string;
  email?: string | null;
  phone?: string | null;
}

export const redactionMark = '[…]';

const emailPattern = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[A-Za-z]{2,}/g;
// Vietnamese phone numbers as people write them: 0912 345 678, 0912.345.678, +84 912345678.
const phonePattern = /(?:\+84|\b0)(?:[\s.-]?\d){9,10}\b/g;
// Citizen ID (12 digits) and old identity card (9 digits) numbers.
const idPattern = /\b\d{12}\b|\b\d{9}\b/g;

/** The asker's full name and each run of two or more of its words ("Văn An"), longest first. */
function nameVariants(name: string): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const out = new Set<string>();
  for (let len = words.length; len >= 2; len--) {
    for (let i = 0; i + len <= words.length; i++) out.add(words.slice(i, i + len).join(' '));
  }
  return [...out];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A first redaction of the asker's text: contacts, ID numbers and the asker's name become "[…]". */
export function redactPersonalData(text: string, asker: Asker): string {
  let out = text.normalize('NFC').replace(emailPattern, redactionMark).replace(phonePattern, redactionMark).replace(idPattern, redactionMark);
  for (const variant of nameVariants(asker.name.normalize('NFC'))) {
    out = out.replace(new RegExp(escapeRegExp(variant), 'giu'), redactionMark);
  }
  return out;
}

/** Personal data still present in a public text (diacritics and case ignored for the name). */
export function personalDataIn(text: string, asker: Asker): string[] {
  const found: string[] = [];
  const nfcText = text.normalize('NFC');
  for (const m of nfcText.match(emailPattern) ?? []) found.push(m);
  for (const m of nfcText.match(phonePattern) ?? []) found.push(m.trim());
  for (const m of nfcText.replace(emailPattern, ' ').replace(phonePattern, ' ').match(idPattern) ?? []) found.push(m);
  const folded = ` ${foldVietnamese(nfcText).replace(/[^a-z0-9]+/g, ' ')} `;
  const fullName = foldVietnamese(asker.name).replace(/[^a-z0-9]+/g, ' ').trim();
  if (fullName.split(' ').length >= 2 && folded.includes(` ${fullName} `)) found.push(asker.name);
  if (asker.email && nfcText.toLowerCase().includes(asker.email.toLowerCase())) found.push(asker.email);
  return [...new Set(found)];
}
