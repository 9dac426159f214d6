import { useState } from 'react';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormErrors } from '../../components/formErrors.ts';
import { Notice } from '../../components/Notice.tsx';
import { ErrorPage, LoadingPage } from '../../components/PageStatus.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import type { ProcedureDetail } from '../citizenTypes.ts';
import { feeText } from '../format.ts';
import { readLocalDraft, startDraft, writeLocalDraft } from './draftStore.ts';
import { journeyPath, isStep } from './journey.ts';

/** The start page: what the service is, what to have ready; continue a draft kept in this browser or start one. */
export function SubmissionStartPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const code = params.code;
  const procedure = useQuery(`procedure:${code}`, (signal) => api<ProcedureDetail>('GET', `/api/v1/procedures/${encodeURIComponent(code)}`, { signal }));
  if (procedure.error) return <ErrorPage title={t('journey.title')} error={procedure.error} />;
  if (!procedure.data) return <LoadingPage title={t('journey.title')} />;
  return <Start procedure={procedure.data} />;
}

function Start({ procedure }: { procedure: ProcedureDetail }) {
  const { t, lang } = useI18n();
  const code = procedure.code;
  const [saved, setSaved] = useState(() => readLocalDraft(code));
  const [busy, setBusy] = useState(false);
  const { errors, showApiError } = useFormErrors({});
  const title = t('journey.start.title', { name: procedure.name });
  usePageTitle(title, errors.any);
  const online = procedure.channels.includes('online');
  const documents = procedure.cases.flatMap((c) => c.documents).filter((d) => !d.presentOnly);
  const names = [...new Set(documents.map((d) => d.name))];

  const begin = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await startDraft(code);
      navigate(journeyPath(code, 'noi-nop'));
    } catch (cause) {
      showApiError(cause);
    } finally {
      setBusy(false);
    }
  };
  const resume = () => navigate(journeyPath(code, saved?.data.step && isStep(saved.data.step) ? saved.data.step : 'noi-nop'));
  const discard = () => {
    writeLocalDraft(code, null);
    setSaved(null);
  };

  return (
    <>
      <p><Link to={`/thu-tuc/${encodeURIComponent(code)}`} className="back-link">{t('journey.start.back')}</Link></p>
      <ErrorSummary items={errors.summary} />
      <h1>{title}</h1>
      {!online ? <Notice kind="info"><p>{t('procedure.notOnline')}</p></Notice> : (
        <>
          <p className="lead">{procedure.onlineLevel === 'full' ? t('procedure.onlineFull') : t('procedure.onlinePartial')}</p>
          <h2>{t('journey.start.need')}</h2>
          <ul>
            <li>{t('journey.start.needId')}</li>
            <li>{t('journey.start.needPhone')}</li>
            {names.length > 0 && <li>{t('journey.start.needDocuments')}<ul>{names.map((n) => <li key={n}>{n}</li>)}</ul></li>}
          </ul>
          <p>{t('journey.start.formats')}</p>
          {procedure.cases.length === 1 && (
            <p>
              {t('procedure.time')}: {procedure.cases[0].processingTime?.label ?? '—'}.{' '}
              {t('procedure.fees')}: {procedure.cases[0].fees.length ? procedure.cases[0].fees.map((f) => feeText(f, t, lang)).join('; ') : t('citizen.fee.free')}.
            </p>
          )}
          <p>{t('journey.start.saved')}</p>
          {saved ? (
            <div className="actions">
              <button type="button" className="button" onClick={resume}>{t('journey.start.resume')}</button>
              <button type="button" className="button button--secondary" onClick={discard}>{t('journey.start.discard')}</button>
            </div>
          ) : (
            <button type="button" className="button button--start" onClick={() => void begin()} aria-busy={busy || undefined}>
              {busy ? t('common.working') : t('journey.start.begin')}
            </button>
          )}
        </>
      )}
    </>
  );
}
