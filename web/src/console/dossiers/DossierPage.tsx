import { useEffect, useRef, useState, type ReactNode } from 'react';
import { api } from '../../api.ts';
import { ErrorPage, LoadingPage } from '../../components/PageStatus.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import { DossierActions } from './DossierActions.tsx';
import { DeadlineText, dossiersPath } from './DossiersPage.tsx';
import { DossierRecords } from './DossierRecords.tsx';
import { DossierTimeline } from './DossierTimeline.tsx';
import { channelText, classificationText, roleText } from './labels.ts';
import type { DossierDetail } from './types.ts';
import './dossiers.css';

export function DossierPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const dossier = useQuery(`dossier:${params.id}`, (signal) =>
    api<DossierDetail>('GET', `/api/v1/dossiers/${encodeURIComponent(params.id)}`, { signal }));
  if (dossier.error) return <ErrorPage title={t('dossier.pageTitle')} error={dossier.error} />;
  if (!dossier.data) return <LoadingPage title={t('dossier.pageTitle')} />;
  return <DossierView key={`${dossier.data.id}:${dossier.data.version}`} loaded={dossier.data} reload={dossier.reload} />;
}

function DossierView({ loaded, reload }: { loaded: DossierDetail; reload: () => void }) {
  const { t } = useI18n();
  const [dossier, setDossier] = useState(loaded);
  const [done, setDone] = useState<string | null>(null);
  const [hasErrors, setHasErrors] = useState(false);
  const notice = useRef<HTMLDivElement>(null);
  const title = dossier.code ? t('dossier.title', { code: dossier.code }) : t('dossier.titleNoCode');
  usePageTitle(title, hasErrors);
  useEffect(() => { if (done) notice.current?.focus(); }, [done, dossier.version]);

  const acted = (updated: DossierDetail, label: string) => {
    setDossier(updated);
    setDone(label);
  };

  return (
    <>
      <p><Link to={dossiersPath} className="back-link">{t('dossier.backToList')}</Link></p>
      {done && (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={notice}>
          <p className="notice__title">{t('dossier.actionDone', { action: done })}</p>
        </div>
      )}
      <h1>{title}</h1>
      <p className="lead">{dossier.procedureName}</p>
      <StatusLine dossier={dossier} />
      <DossierFacts dossier={dossier} />
      <DossierActions dossier={dossier} onActed={acted} onReload={reload} onErrors={setHasErrors} />
      <DossierTimeline events={dossier.timeline} />
      <DossierRecords dossier={dossier} onPaid={(updated) => acted(updated, t('payment.done'))} />
    </>
  );
}

function StatusLine({ dossier }: { dossier: DossierDetail }) {
  const { t, pick } = useI18n();
  return (
    <div className="dossier-status">
      <p>
        <span className="visually-hidden">{t('dossiers.state')}: </span>
        <strong className={`tag tag--state tag--${dossier.state}`} data-testid="dossier-state">{pick(dossier.stateLabel, dossier.stateLabelEn)}</strong>
        {' '}<span data-testid="national-status">{t('dossier.nationalStatus', { n: dossier.nationalStatus })}</span>
      </p>
      {dossier.deadline && (
        <p className="dossier-status__deadline">
          {t('dossiers.remaining')}: <strong data-testid="deadline"><DeadlineText item={dossier} /></strong>
        </p>
      )}
    </div>
  );
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function DossierFacts({ dossier: d }: { dossier: DossierDetail }) {
  const { t, lang, pick } = useI18n();
  const at = (iso: string | null) => (iso ? formatDateTime(iso, lang) : '—');
  const a = d.applicant;
  const classification = classificationText(t, d.classification);
  return (
    <dl className="summary-list dossier-facts">
      <Row label={t('dossiers.applicant')}>
        <strong>{a.fullName}</strong>
        {a.idNumber && <><br />{t('dossier.idNumber')}: {a.idNumber}{a.birthYear ? ` · ${t('dossier.birthYear')}: ${a.birthYear}` : ''}</>}
        {a.phone && <><br />{t('dossier.phone')}: {a.phone}</>}
        {a.email && <><br />{t('dossier.email')}: {a.email}</>}
        {a.address && <><br />{a.address}</>}
      </Row>
      <Row label={t('dossiers.procedure')}>
        <span className="mono">{d.procedureCode}</span> {d.procedureName}{d.field ? ` (${d.field})` : ''}
      </Row>
      <Row label={t('dossier.unit')}>{d.unitName} · {channelText(t, d.channel)}</Row>
      {d.step && (
        <Row label={t('dossier.step')} testId="current-step">
          {pick(d.step.name, d.step.nameEn)} — {roleText(t, d.step.role)}
        </Row>
      )}
      {d.submittedAt && d.submittedAt !== d.receivedAt && <Row label={t('dossier.submittedAt')}>{at(d.submittedAt)}</Row>}
      <Row label={t('dossier.receivedAt')}>{at(d.receivedAt)}</Row>
      <Row label={t('dossier.dueAt')} testId="due-at">{at(d.dueAt)}</Row>
      <Row label={t('dossiers.appointmentAt')} testId="appointment-at">
        {at(d.appointmentAt)}
        {d.apologyCount > 0 && <> <span className="tag tag--grey">{t('dossier.newAppointment')}</span></>}
      </Row>
      {d.finishedAt && <Row label={t('dossier.finishedAt')}>{at(d.finishedAt)}{classification ? ` — ${classification}` : ''}</Row>}
      {d.returnedAt && <Row label={t('dossier.returnedAt')}>{at(d.returnedAt)}</Row>}
      {(d.result.number || d.result.signer || d.result.signedOn) && (
        <Row label={t('dossier.result')}>
          {[d.result.number, d.result.signedOn ? formatDate(d.result.signedOn) : null, d.result.signer].filter(Boolean).join(' · ')}
        </Row>
      )}
      {d.lookupSecret && <Row label={t('dossiers.lookupSecret')}><span className="mono">{d.lookupSecret}</span></Row>}
      {d.receiptIssue > 1 && <Row label={t('dossier.receiptIssue')}>{d.receiptIssue}</Row>}
    </dl>
  );
}
