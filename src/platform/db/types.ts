import pg from 'pg';

// Both engines go through node-postgres, so one set of parsers gives both the same JavaScript types.
let installed = false;

export function installTypeParsers(): void {
  if (installed) return;
  installed = true;
  const { types } = pg;
  types.setTypeParser(20, (v: string) => Number(v)); // int8: counts and money in VND stay below 2^53
  types.setTypeParser(1700, (v: string) => Number(v)); // numeric
  types.setTypeParser(1082, (v: string) => v); // date stays 'YYYY-MM-DD'
  const generalTimestamptz = types.getTypeParser(1184) as (v: string) => Date | number | null;
  types.setTypeParser(1184, (v: string) => parseTimestamptz(v) ?? generalTimestamptz(v));
}

const digit = (text: string, at: number) => text.charCodeAt(at) - 48;
const twoDigits = (text: string, at: number) => digit(text, at) * 10 + digit(text, at + 1);
const isDigitAt = (text: string, at: number) => text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57;

/**
 * A timestamptz as PostgreSQL writes it with DateStyle ISO, 'YYYY-MM-DD HH:MM:SS[.ffffff]±HH[:MM[:SS]]', read by
 * character codes (the general parser's regular expressions cost ~0.5 µs a value, and a list or a lookup reads
 * several per row). Fractions beyond milliseconds are truncated, as the general parser does. Null for anything else
 * (infinity, BC, years outside 1000–9999, another DateStyle): the general parser reads those.
 */
export function parseTimestamptz(text: string): Date | null {
  if (text.length < 22 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 32
    || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || !isDigitAt(text, 0) || digit(text, 0) === 0) return null;
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === 46) {
    at++;
    for (let scale = 100; isDigitAt(text, at); scale /= 10, at++) if (scale >= 1) ms += digit(text, at) * scale;
  }
  const sign = text.charCodeAt(at);
  if ((sign !== 43 && sign !== 45) || !isDigitAt(text, at + 1) || !isDigitAt(text, at + 2)) return null;
  let offsetSeconds = twoDigits(text, at + 1) * 3600;
  at += 3;
  for (let unit = 60; at < text.length && unit >= 1; unit /= 60, at += 3) {
    if (text.charCodeAt(at) !== 58 || !isDigitAt(text, at + 1) || !isDigitAt(text, at + 2)) return null;
    offsetSeconds += twoDigits(text, at + 1) * unit;
  }
  if (at !== text.length) return null;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const utc = Date.UTC(year, twoDigits(text, 5) - 1, twoDigits(text, 8), twoDigits(text, 11), twoDigits(text, 14), twoDigits(text, 17), ms);
  return new Date(utc - (sign === 45 ? -1 : 1) * offsetSeconds * 1000);
}
