import type { ReactNode } from 'react';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { Notice } from '../../components/Notice.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';

/** Every question page: back link, the procedure as caption, the error summary, one h1 (in the page). */
export function JourneyFrame({ title, caption, back, errors, offline, children }: {
  title: string; caption: string; back: string; errors: SummaryItem[]; offline?: boolean; children: ReactNode;
}) {
  const { t } = useI18n();
  usePageTitle(title, errors.length > 0);
  return (
    <div className="journey">
      <p><Link to={back} className="back-link">{t('common.back')}</Link></p>
      <ErrorSummary items={errors} />
      {offline && <Notice kind="info"><p>{t('journey.offline')}</p></Notice>}
      <span className="caption">{caption}</span>
      {children}
    </div>
  );
}
