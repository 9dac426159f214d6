import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, fieldErrorText } from '../../../api.ts';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { Link, navigate } from '../../../router.tsx';
import { useQuery } from '../../../useQuery.ts';
import type { ReceivingUnit } from '../../citizenTypes.ts';
import { feeText } from '../../format.ts';
import { submitDraft, writeLocalDraft, writeSubmitted } from '../draftStore.ts';
import { chosenCase, journeyPath, stepOfField, stepTitles, type StepName } from '../journey.ts';
import { saveFailure, type Journey } from '../useJourney.ts';
import { Notice } from '../../../components/Notice.tsx';

interface Problem {
  step: StepName;
  text: string;
}

/** Check your answers, see the fees and the expected due date, then send. */
export function CheckStep({ journey }: { journey: Journey }) {
  const { t, lang } = useI18n();
  const { procedure, draft, code } = journey;
  const data = draft.data;
  const chosen = chosenCase(procedure, data.caseKey);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const title = t('journey.check.title');
  usePageTitle(title, problems.length > 0);
  const units = useQuery(`receiving:${code}`, (signal) =>
    api<{ items: ReceivingUnit[] }>('GET', `/api/v1/public/procedures/${encodeURIComponent(code)}/receiving-units`, { signal }));
  const unit = units.data?.items.find((u) => u.id === data.unitId) ?? null;
  const due = useExpectedDue(chosen?.processingTime ?? null, data.unitId ?? null);
  const change = (step: StepName, label: string) => (
    <Link to={`${journeyPath(code, step)}?quay-lai=kiem-tra`}>{t('journey.check.change')}<span className="visually-hidden"> {label}</span></Link>
  );
  const documents = (chosen?.documents ?? []).filter((d) => !d.presentOnly);
  const present = (chosen?.documents ?? []).filter((d) => d.presentOnly);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      if (draft.dirty) await journey.save({ step: 'kiem-tra' });
      const result = await submitDraft(draft);
      writeSubmitted(code, {
        ...result, procedureName: procedure.name, email: data.contact?.email || null, unitName: unit?.fullName ?? null, at: new Date().toISOString(),
      });
      writeLocalDraft(code, null);
      navigate(journeyPath(code, 'da-nop'));
    } catch (cause) {
      const error = saveFailure(cause);
      if (error instanceof ApiError && error.fields.length) {
        setProblems(error.fields.map((f) => ({ step: stepOfField(f.field.replace(/^body\./, '')), text: fieldErrorText(f, lang) })));
      } else {
        setProblems([{ step: 'kiem-tra', text: error instanceof ApiError ? error.text(lang) : t('common.problem') }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="journey">
      <p><Link to={journeyPath(code, 'giay-to')} className="back-link">{t('common.back')}</Link></p>
      <StepProblems problems={problems} code={code} />
      {journey.offline && <Notice kind="info"><p>{t('journey.offline')}</p></Notice>}
      <span className="caption">{procedure.name}</span>
      <h1>{title}</h1>

      <h2>{t('journey.check.answers')}</h2>
      <dl className="summary-list summary-list--actions">
        <Row term={t('journey.check.unit')} action={change('noi-nop', t('journey.check.unit'))}>{unit?.fullName ?? '—'}</Row>
        {procedure.cases.length > 1 && <Row term={t('journey.check.case')} action={change('truong-hop', t('journey.check.case'))}>{chosen?.name ?? '—'}</Row>}
        <Row term={t('journey.check.applicant')} action={change('nguoi-nop', t('journey.check.applicant'))}>
          {data.applicant?.fullName ?? '—'}
          {data.applicant?.idNumber && <><br />{t('journey.applicant.id')}: {data.applicant.idNumber}</>}
          {data.applicant?.birthYear && <><br />{t('journey.applicant.birthYear')}: {data.applicant.birthYear}</>}
          {data.applicant?.address && <><br />{data.applicant.address}</>}
        </Row>
        <Row term={t('journey.check.contact')} action={change('lien-he', t('journey.check.contact'))}>
          {data.contact?.phone ?? '—'}{data.contact?.email && <><br />{data.contact.email}</>}
        </Row>
        <Row term={t('journey.check.documents')} action={change('giay-to', t('journey.check.documents'))}>
          <ul className="plain-list">
            {documents.map((d) => {
              const fileId = data.documents?.find((x) => x.name === d.name)?.fileId;
              const file = journey.files.find((f) => f.id === fileId);
              return <li key={d.name}>{d.name}: {fileId ? (file?.name ?? t('journey.documents.previousResult')) : t('journey.check.noFile')}</li>;
            })}
          </ul>
        </Row>
      </dl>

      <h2>{t('journey.check.feesAndTime')}</h2>
      <dl className="summary-list">
        <Row term={t('procedure.fees')}>{chosen?.fees.length ? chosen.fees.map((f) => feeText(f, t, lang)).join('; ') : t('citizen.fee.free')}</Row>
        <Row term={t('procedure.time')}>{chosen?.processingTime?.label ?? '—'}</Row>
        <Row term={t('journey.check.expectedDue')}>{due ? formatDateTime(due, lang) : t('common.loading')}</Row>
      </dl>
      <p className="hint">{t('journey.check.dueNote')}</p>

      <h2>{t('journey.check.afterHeading')}</h2>
      {procedure.onlineLevel === 'full' ? <p>{t('journey.check.full')}</p> : (
        <>
          <p>{t('journey.check.partial', { unit: unit?.fullName ?? t('journey.check.theDesk') })}</p>
          {present.length > 0 && <ul>{present.map((d) => <li key={d.name}>{d.name}</li>)}</ul>}
        </>
      )}

      <h2>{t('journey.check.sendHeading')}</h2>
      <p>{t('journey.check.declaration')}</p>
      <form onSubmit={send} noValidate>
        <button type="submit" className="button" aria-busy={busy || undefined}>{busy ? t('common.working') : t('journey.check.submit')}</button>
      </form>
    </div>
  );
}

function Row({ term, action, children }: { term: string; action?: ReactNode; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
      {action && <dd className="summary-list__action">{action}</dd>}
    </div>
  );
}

/** The server's problems, each linking to the page that asks for it; takes focus like the error summary. */
function StepProblems({ problems, code }: { problems: Problem[]; code: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const signature = problems.map((p) => p.text).join('|');
  useEffect(() => { if (signature) ref.current?.focus(); }, [signature]);
  if (!problems.length) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">{t('common.errorSummaryTitle')}</h2>
      <ul className="error-summary__list">
        {problems.map((p) => (
          <li key={p.text}>
            {p.step === 'kiem-tra' ? p.text : <Link to={`${journeyPath(code, p.step)}?quay-lai=kiem-tra`}>{p.text} ({t(stepTitles[p.step])})</Link>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The due date if the desk accepted the submission now (the real one is set at acceptance). */
function useExpectedDue(time: { amount: number; kind: string } | null, unitId: string | null): string | null {
  const [now] = useState(() => new Date().toISOString());
  const q = useQuery(`due:${time?.kind}:${time?.amount}:${unitId}`, (signal) => (time
    ? api<{ dueAt: string }>('GET', '/api/v1/calendar/due-date', { query: { start: now, amount: time.kind === 'same_day' ? undefined : time.amount, unit: time.kind, unitId: unitId ?? undefined }, signal })
    : Promise.resolve({ dueAt: '' })));
  return q.data?.dueAt || null;
}
