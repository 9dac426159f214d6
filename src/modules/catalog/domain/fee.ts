// Reading fees (phí, lệ phí) as published in the catalogue's channel table: "Miễn phí", "Không có thông tin",
// "70,000 VNĐ", "50,000 Việt Nam Đồng", "10 USD", each optionally followed by a note in parentheses.
// In that column the comma is a thousands separator ("70,000 VNĐ" is 70000). Some amounts lost everything after
// a dot when they were typed ("20 VNĐ" beside a note saying "20.000 đ/tờ khai"): no fee in Vietnam is below
// 1,000 đồng, so such amounts are marked suspect and left for review instead of being charged.

import { foldVietnamese } from '../../../platform/text.ts';
import type { Fee } from './types.ts';

export const MINIMUM_PLAUSIBLE_FEE_VND = 1000;

const VND_UNITS = /^(?:vnđ|vnd|việt nam đồng|đồng|đ)$/iu;

/** Reads a fee cell and the note that followed it. */
export function parseFee(feeText: string, note: string | null): Fee {
  const text = feeText.replace(/\s+/g, ' ').trim();
  const folded = foldVietnamese(text);
  const base: Fee = {
    status: 'unrecognised',
    amountVnd: null,
    foreignAmount: null,
    suggestedAmountVnd: null,
    per: readFeeBasis(note),
    note,
    feeText: text,
  };
  if (folded === '' || folded === 'khong co thong tin') return { ...base, status: 'not_given' };
  if (/^(?:mien phi|khong thu|khong|0)$/.test(folded)) return { ...base, status: 'free', amountVnd: 0 };

  const money = /^(\d[\d.,]*)\s*(.+)$/u.exec(text);
  if (!money) return base;
  const [, digits, unit] = money;
  if (VND_UNITS.test(unit.trim())) return vndFee(base, digits, note);
  if (/^[A-Z]{3}$/.test(unit.trim())) {
    const amount = Number(digits.replace(/,/g, ''));
    if (!Number.isFinite(amount)) return base;
    return { ...base, status: 'foreign_currency', foreignAmount: { amount, currency: unit.trim() } };
  }
  return base;
}

function vndFee(base: Fee, digits: string, note: string | null): Fee {
  const amount = readVndAmount(digits);
  if (amount === null) return base;
  if (amount === 0) return { ...base, status: 'free', amountVnd: 0 };
  if (amount < MINIMUM_PLAUSIBLE_FEE_VND) {
    return { ...base, status: 'suspect', suggestedAmountVnd: suggestFromNote(digits, note) };
  }
  return { ...base, status: 'amount', amountVnd: amount };
}

/** "70,000", "70.000", "70 000" and "70000" are all 70000; anything else (e.g. "1,5") is not an amount. */
export function readVndAmount(digits: string): number | null {
  const compact = digits.trim();
  if (/^\d+$/.test(compact)) return Number(compact);
  if (/^\d{1,3}(?:([.,\u00a0 ])\d{3})(?:\1\d{3})*$/u.test(compact)) return Number(compact.replace(/\D/g, ''));
  return null;
}

/** VND amounts written in a note: "20.000 đ/tờ khai", "5000 đồng", "(70.000 đồng/Giấy chứng nhận.)". */
export function amountsInNote(note: string | null): number[] {
  if (!note) return [];
  const found: number[] = [];
  const pattern = /(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đồng|vnđ|vnd|đ)(?![\p{L}])/giu;
  for (const match of note.matchAll(pattern)) {
    const value = readVndAmount(match[1]);
    if (value !== null && value > 0) found.push(value);
  }
  return [...new Set(found)];
}

// A truncated amount is the start of the real one: "20" for 20.000. Offer it only when exactly one note amount fits.
function suggestFromNote(digits: string, note: string | null): number | null {
  const start = digits.replace(/\D/g, '');
  const fits = amountsInNote(note).filter((a) => a >= MINIMUM_PLAUSIBLE_FEE_VND && String(a).startsWith(start));
  return fits.length === 1 ? fits[0] : null;
}

/** What the fee is counted per: "(/di chúc)" → "di chúc"; "2.000 đồng/trang" → "trang". */
export function readFeeBasis(note: string | null): string | null {
  if (!note) return null;
  const leading = /^\s*\/\s*([^()]+?)\s*$/u.exec(note);
  if (leading) return leading[1];
  const after = /(?:đồng|vnđ|đ|usd)\s*\/\s*([^;.,()]+)/iu.exec(note);
  return after ? after[1].trim() : null;
}
