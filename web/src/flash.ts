// A one-time message carried to the next page (e.g. "Unit created" after the form sends you back to the list).
import type { MessageKey } from './i18n/vi.ts';

interface Flash {
  key: MessageKey;
  vars?: Record<string, string>;
}

let pending: Flash | null = null;

export function setFlash(key: MessageKey, vars?: Record<string, string>): void {
  pending = { key, vars };
}

export function takeFlash(): Flash | null {
  const flash = pending;
  pending = null;
  return flash;
}
