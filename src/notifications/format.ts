// Pure formatting for notifications: Vietnamese time without the process time zone, SMS-safe text, masking.

const vnOffsetMs = 7 * 60 * 60 * 1000; // Vietnam has used UTC+7 without daylight saving since 1975

const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number) => String(n).padStart(2, '0');

function vnParts(instant: Date) {
  const d = new Date(instant.getTime() + vnOffsetMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** "12/01/2026" (Vietnam date). */
export function dateVi(instant: Date): string {
  const p = vnParts(instant);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** "12 January 2026" (Vietnam date). */
export function dateEn(instant: Date): string {
  const p = vnParts(instant);
  return `${p.day} ${monthsEn[p.month - 1]} ${p.year}`;
}

/** "17:00 ngày 12/01/2026", the way receipts state an appointment. */
export function dateTimeVi(instant: Date): string {
  const p = vnParts(instant);
  return `${pad(p.hour)}:${pad(p.minute)} ngày ${dateVi(instant)}`;
}

/** "17:00 on 12 January 2026 (Vietnam time)". */
export function dateTimeEn(instant: Date): string {
  const p = vnParts(instant);
  return `${pad(p.hour)}:${pad(p.minute)} on ${dateEn(instant)} (Vietnam time)`;
}

/** "17:00 12/01/2026": the short form for SMS. */
export function dateTimeShort(instant: Date): string {
  const p = vnParts(instant);
  return `${pad(p.hour)}:${pad(p.minute)} ${dateVi(instant)}`;
}

/**
 * Vietnamese folded to plain ASCII that every SMS gateway carries in the GSM 7-bit alphabet (one 160-character
 * segment): diacritics removed (đ → d), typographic quotes and dashes replaced, anything else outside a safe
 * subset of GSM's basic characters turned into a space.
 */
export function smsAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’‚`]/g, "'")
    .replace(/[–—−]/g, '-')
    .replace(/…/g, '...')
    .replace(/[^A-Za-z0-9 .,:;!?'"()+\-/@#%&*=<>_$\n]/g, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** NFC with collapsed spaces: the Unicode SMS variant (UCS-2, for gateways that carry Vietnamese). */
export function smsUnicode(text: string): string {
  return text.normalize('NFC').replace(/[ \t]{2,}/g, ' ').trim();
}

export const smsMaxLength = 160;
const minSlot = 12;

/**
 * Picks the richest candidate text that fits `max` characters after `transform`. Candidates go from the richest
 * to the barest; some have a slot for the longest free text (a procedure name, a question title). Preference:
 * a candidate with the whole slot, then one with the slot shortened (at least 12 characters, ending in "…"),
 * then a candidate without the slot, and as a last resort the last candidate cut at `max`.
 */
export function fitSms(
  candidates: readonly ((slot: string) => string)[], slot: string, transform: (text: string) => string, max = smsMaxLength,
): string {
  const usesSlot = (c: (slot: string) => string) => c('\u0000') !== c('');
  const withSlot = candidates.filter(usesSlot);
  for (const c of withSlot) {
    const text = transform(c(slot));
    if (text.length <= max) return text;
  }
  for (const c of withSlot) {
    for (let keep = slot.length - 1; keep >= minSlot; keep--) {
      const text = transform(c(`${slot.slice(0, keep).trimEnd()}…`));
      if (text.length <= max) return text;
    }
  }
  for (const c of candidates.filter((c) => !usesSlot(c))) {
    const text = transform(c(''));
    if (text.length <= max) return text;
  }
  const last = transform(candidates[candidates.length - 1](''));
  return last.slice(0, max);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const emailPattern = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && emailPattern.test(value);
}

/** Digits with an optional leading +, separators removed; null when it cannot be a phone number. */
export function normalizePhone(value: string): string | null {
  const compact = value.replace(/[\s.\-()]/g, '');
  return /^\+?\d{9,15}$/.test(compact) ? compact : null;
}

/** What staff see of a recipient: "n***a@gmail.com", "091****678". */
export function maskRecipient(channel: 'email' | 'sms', to: string): string {
  if (channel === 'email') {
    const at = to.lastIndexOf('@');
    if (at < 1) return '***';
    const local = to.slice(0, at);
    const shown = local.length > 2 ? `${local[0]}***${local[local.length - 1]}` : `${local[0]}***`;
    return `${shown}${to.slice(at)}`;
  }
  const digits = to.replace(/[^\d+]/g, '');
  if (digits.length <= 6) return `***${digits.slice(-2)}`;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 6)}${digits.slice(-3)}`;
}
