import { useState } from 'react';
import { Notice } from '../../components/Notice.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { readSubmitted } from './draftStore.ts';

/** The confirmation: reference and lookup secret on screen (and by email), and what happens next. */
export function DonePage({ code, reference }: { code: string; reference?: string }) {
  const { t } = useI18n();
  const [record] = useState(() => readSubmitted(code));
  const title = t('journey.done.title');
  usePageTitle(title);
  const ref = record?.reference ?? reference;
  if (!ref) {
    return (
      <>
        <h1>{t('journey.done.missingTitle')}</h1>
        <Notice kind="info"><p>{t('journey.done.missing')}</p></Notice>
        <p><Link to={`/nop-truc-tuyen/${encodeURIComponent(code)}`}>{t('journey.done.again')}</Link></p>
      </>
    );
  }
  return (
    <>
      <div className="confirmation" role="status">
        <h1 className="confirmation__title">{title}</h1>
        <div className="confirmation__body">
          {t('journey.done.reference')}<br /><strong className="confirmation__reference" data-testid="submission-reference">{ref}</strong>
        </div>
      </div>
      {record?.secret && (
        <dl className="summary-list">
          <div className="summary-list__row"><dt>{t('journey.done.secret')}</dt><dd><strong className="mono" data-testid="submission-secret">{record.secret}</strong></dd></div>
          {record.procedureName && <div className="summary-list__row"><dt>{t('lookup.procedure')}</dt><dd>{record.procedureName}</dd></div>}
          {record.unitName && <div className="summary-list__row"><dt>{t('journey.check.unit')}</dt><dd>{record.unitName}</dd></div>}
        </dl>
      )}
      <p>{t('journey.done.keep')}</p>
      {record?.email && <p>{t('journey.done.email', { email: record.email })}</p>}
      <h2>{t('journey.done.nextHeading')}</h2>
      <p>{t('journey.done.next')}</p>
      <p>{t('journey.done.lookup')} <Link to={`/tra-cuu?ma=${encodeURIComponent(ref)}`}>{t('nav.lookup')}</Link>.</p>
      <p><Link to="/">{t('notFound.home')}</Link></p>
    </>
  );
}
