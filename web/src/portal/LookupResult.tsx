import { useEffect, useRef } from 'react';
import type { DossierLookupResult } from '../api-types.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** The status of one dossier; it takes focus when it appears so the answer is read out at once. */
export function LookupResult({ result }: { result: DossierLookupResult }) {
  const { t, lang, pick } = useI18n();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [result]);
  const status = result.statusLabel ? pick(result.statusLabel, result.statusLabelEn) : result.status;

  return (
    <section className="panel" ref={ref} tabIndex={-1} aria-labelledby="lookup-result-title">
      <h2 id="lookup-result-title">{t('lookup.resultTitle', { code: result.code })}</h2>
      <dl className="summary-list">
        {result.procedureName && <Row term={t('lookup.procedure')} value={result.procedureName} />}
        {result.applicantName && <Row term={t('lookup.applicant')} value={result.applicantName} />}
        {status && <Row term={t('lookup.status')} value={status} />}
        {result.receivedAt && <Row term={t('lookup.receivedAt')} value={formatDateTime(result.receivedAt, lang)} />}
        {result.dueAt && <Row term={t('lookup.dueAt')} value={formatDateTime(result.dueAt, lang)} />}
      </dl>
      {!!result.timeline?.length && (
        <>
          <h3>{t('lookup.timeline')}</h3>
          <ol className="timeline">
            {result.timeline.map((event, index) => (
              <li key={`${event.at}-${index}`}>
                <time dateTime={event.at}>{formatDateTime(event.at, lang)}</time>
                <span>{pick(event.label, event.labelEn)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Row({ term, value }: { term: string; value: string }) {
  return <div className="summary-list__row"><dt>{term}</dt><dd>{value}</dd></div>;
}
