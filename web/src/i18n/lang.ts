// The interface language: Vietnamese by default, English on request, remembered in this browser.
export type Lang = 'vi' | 'en';

const storageKey = 'gandan.lang';

export function storedLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi'; // storage blocked (private mode, policy): fall back to the default
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Not remembered, still applied for this visit.
  }
}

/** Locale for Intl formatting. */
export function localeOf(lang: Lang): string {
  return lang === 'vi' ? 'vi-VN' : 'en-GB';
}
