import type { ReactNode } from 'react';
import type { ApiError } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A page-level message. Errors and successes are announced by screen readers when they appear. */
export function Notice({ kind, title, children }: { kind: 'error' | 'success' | 'info'; title?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`notice notice--${kind}`} role={kind === 'info' ? undefined : kind === 'error' ? 'alert' : 'status'}>
      {title && <p className="notice__title">{title}</p>}
      {children}
    </div>
  );
}

export function ApiErrorNotice({ error }: { error: ApiError }) {
  const { lang, t } = useI18n();
  return <Notice kind="error" title={t('common.problem')}><p>{error.text(lang)}</p></Notice>;
}

export function Loading() {
  const { t } = useI18n();
  return <p className="loading" role="status">{t('common.loading')}</p>;
}
