// Vietnamese number formatting for reports: thousands grouped with ".", decimals after "," ("58.081", "95,6%"),
// and the comparison phrases of periodic reports ("tăng 8,8% so với cùng kỳ năm 2020").

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 58081 → "58.081"; -1200 → "-1.200". */
export function formatVnInteger(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`Not a number: ${n}`);
  const rounded = Math.round(n);
  return `${rounded < 0 ? '-' : ''}${group(String(Math.abs(rounded)))}`;
}

/**
 * A decimal with at most `digits` decimals, trailing zeros dropped: 95.6 → "95,6", 100 → "100", 1234.5 → "1.234,5".
 * Rounds half away from zero on the decimal digits, as people do by hand.
 */
export function formatVnDecimal(n: number, digits = 1): string {
  if (!Number.isFinite(n)) throw new RangeError(`Not a number: ${n}`);
  const scale = 10 ** digits;
  // toFixed(9) first removes binary noise (0.955 stored as 0.95499999…) before rounding on the wanted digit.
  const scaled = Math.round(Number((Math.abs(n) * scale).toFixed(9)));
  const whole = Math.floor(scaled / scale);
  const fraction = String(scaled % scale).padStart(digits, '0').replace(/0+$/, '');
  const sign = n < 0 && scaled !== 0 ? '-' : '';
  return `${sign}${group(String(whole))}${fraction ? `,${fraction}` : ''}`;
}

/** A share numerator ÷ denominator as a percentage with one decimal, computed exactly: 956/1000 → "95,6%". */
export function formatVnShare(numerator: number, denominator: number, digits = 1): string | null {
  if (!denominator) return null;
  return `${formatVnDecimal(percentOf(numerator, denominator, digits), digits)}%`;
}

/** numerator ÷ denominator × 100, rounded half up to `digits` decimals using integer arithmetic where possible. */
export function percentOf(numerator: number, denominator: number, digits = 1): number {
  if (!denominator) return NaN;
  const scale = 10 ** digits;
  return Math.round((numerator * 100 * scale) / denominator) / scale;
}

/** A ratio (0–1) as "95,6%". */
export function formatVnPercent(ratio: number, digits = 1): string {
  return `${formatVnDecimal(ratio * 100, digits)}%`;
}

export interface Change {
  direction: 'up' | 'down' | 'same' | 'new';
  /** Relative change in percent (null when the earlier value is 0). */
  percent: number | null;
}

export function changeOf(current: number, previous: number): Change {
  if (previous === 0) return { direction: current === 0 ? 'same' : 'new', percent: null };
  const percent = percentOf(current - previous, previous);
  if (percent === 0) return { direction: 'same', percent: 0 };
  return { direction: percent > 0 ? 'up' : 'down', percent };
}

/** "tăng 8,8% so với cùng kỳ năm 2020", "giảm 3% so với quý IV năm 2025", "bằng cùng kỳ năm 2020". */
export function changePhraseVi(current: number, previous: number, comparedTo: string): string {
  const change = changeOf(current, previous);
  switch (change.direction) {
    case 'same':
      return `bằng ${comparedTo}`;
    case 'new':
      return `${comparedTo} không có`;
    case 'up':
      return `tăng ${formatVnDecimal(change.percent!)}% so với ${comparedTo}`;
    case 'down':
      return `giảm ${formatVnDecimal(-change.percent!)}% so với ${comparedTo}`;
  }
}

/** For rates: the difference in percentage points, "tăng 1,2 điểm phần trăm so với …". */
export function pointsPhraseVi(current: number, previous: number, comparedTo: string): string {
  const diff = Math.round((current - previous) * 1000) / 10;
  if (diff === 0) return `bằng ${comparedTo}`;
  return `${diff > 0 ? 'tăng' : 'giảm'} ${formatVnDecimal(Math.abs(diff))} điểm phần trăm so với ${comparedTo}`;
}
