import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** "<page> — Gần Dân", with the "Lỗi: " / "Error: " prefix while the page shows errors (GOV.UK pattern). */
export function usePageTitle(title: string, hasErrors = false): void {
  const { t } = useI18n();
  const prefix = hasErrors ? t('common.errorPrefix') : '';
  useEffect(() => {
    document.title = `${prefix}${title} — Gần Dân`;
  }, [prefix, title]);
}
