// Applicant checks: the citizen identity number (CCCD) and phone numbers.

export interface IdCheck {
  ok: boolean;
  message?: string;
  messageVi?: string;
}

/**
 * CCCD: 12 digits = 3 (place of birth registration) + 1 (century and sex: 0/1 = 1900s male/female, 2/3 = 2000s,
 * 4/5 = 2100s, 6/7 = 2200s, 8/9 = 1800s) + 2 (last digits of the birth year) + 6 random. No check digit exists, so
 * we can only check the format and, when the birth year is known, that it agrees.
 */
export function checkCitizenId(id: string, birthYear?: number | null): IdCheck {
  if (!/^\d{12}$/.test(id)) {
    return { ok: false, message: 'The citizen ID number must have exactly 12 digits.', messageVi: 'Số CCCD phải gồm đúng 12 chữ số.' };
  }
  if (birthYear == null) return { ok: true };
  const centuryDigit = Number(id[3]);
  const century = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800][centuryDigit];
  const year = century + Number(id.slice(4, 6));
  if (year !== birthYear) {
    return {
      ok: false,
      message: `The citizen ID number encodes birth year ${year}, not ${birthYear}.`,
      messageVi: `Số CCCD thể hiện năm sinh ${year}, không khớp với năm sinh ${birthYear}.`,
    };
  }
  return { ok: true };
}

/** Vietnamese mobile/landline numbers: 0 + 9–10 digits, or +84 + 9–10 digits. Returns the 0-prefixed form. */
export function normalisePhone(phone: string): string | null {
  const digits = phone.replace(/[\s.-]/g, '');
  const m = /^(?:\+?84|0)(\d{9,10})$/.exec(digits);
  return m ? `0${m[1]}` : null;
}

/** "Nguyễn Văn An" → "N*** V** An": enough for the applicant to recognise, not enough to identify. */
export function maskName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts.map((p, i) => (i === parts.length - 1 ? p : `${[...p][0]}${'*'.repeat(Math.max(1, [...p].length - 1))}`)).join(' ');
}

export function maskPhone(phone: string): string {
  return phone.length <= 4 ? '****' : `${'*'.repeat(phone.length - 3)}${phone.slice(-3)}`;
}
