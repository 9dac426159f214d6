import type { MouseEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

export const mainContentId = 'main-content';

export function SkipLink() {
  const { t } = useI18n();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(mainContentId);
    if (!main) return;
    event.preventDefault();
    main.focus();
  };
  return <a className="skip-link" href={`#${mainContentId}`} onClick={skip}>{t('common.skipToContent')}</a>;
}
