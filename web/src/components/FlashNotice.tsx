import { useState } from 'react';
import { takeFlash } from '../flash.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Notice } from './Notice.tsx';

/** Shows the message left by the previous page, once. */
export function FlashNotice() {
  const { t } = useI18n();
  const [flash] = useState(takeFlash);
  if (!flash) return null;
  return <Notice kind="success"><p>{t(flash.key, flash.vars)}</p></Notice>;
}
