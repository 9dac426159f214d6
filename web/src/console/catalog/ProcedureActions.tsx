import { useState, type FormEvent } from 'react';
import { TextField } from '../../components/fields.tsx';
import type { Problem } from '../../components/formErrors.ts';
import { Notice } from '../../components/Notice.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { todayInVietnam } from '../calendar/dates.ts';
import { actionIds as ids } from './ids.ts';
import type { ProcedureAdminDetail } from './types.ts';

export interface LifecycleCommands {
  publish: (effectiveFrom: string, decisionNumber: string) => Promise<boolean>;
  amend: () => Promise<boolean>;
  abolish: (abolishedOn: string, decisionNumber: string) => Promise<boolean>;
  discard: () => Promise<boolean>;
}

interface Props {
  detail: ProcedureAdminDetail;
  errors: Record<string, string>;
  check: (problems: Problem[]) => boolean;
  commands: LifecycleCommands;
}

/** What can happen to the procedure now: publish or discard its draft; amend or abolish what is published. */
export function ProcedureActions({ detail, errors, check, commands }: Props) {
  const { t } = useI18n();
  if (!detail.abilities.manage) return <Notice kind="info"><p>{t('catalog.readOnly')}</p></Notice>;
  if (detail.status === 'abolished') {
    return (
      <Notice kind="info">
        <p>{t('catalog.abolishedOn', { date: formatDate(detail.abolishedOn ?? ''), decision: detail.abolishDecisionNumber ?? '—' })}</p>
      </Notice>
    );
  }
  return (
    <section aria-labelledby="lifecycle-heading" className="panel lifecycle">
      <h2 id="lifecycle-heading" className="panel__title">{t('catalog.lifecycle')}</h2>
      {detail.versionStatus === 'draft'
        ? <DraftActions detail={detail} errors={errors} check={check} commands={commands} />
        : <PublishedActions errors={errors} check={check} commands={commands} />}
    </section>
  );
}

function DraftActions({ detail, errors, check, commands }: Props) {
  const { t } = useI18n();
  const [from, setFrom] = useState(todayInVietnam);
  const [decision, setDecision] = useState(detail.decisionNumber ?? '');
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || check(/^\d{4}-\d{2}-\d{2}$/.test(from) ? [] : [[ids.publishFrom, 'catalog.effectiveFromMissing']])) return;
    setBusy(true);
    await commands.publish(from, decision.trim());
    setBusy(false);
  };
  return (
    <>
      <p>{t('catalog.draftExplain', { n: detail.versionNumber })}</p>
      <form onSubmit={submit} noValidate className="form">
        <div className="form-row">
          <TextField id={ids.publishFrom} label={t('catalog.effectiveFrom')} type="date" width="short" error={errors[ids.publishFrom]}
            value={from} onChange={(e) => setFrom(e.target.value)} />
          <TextField id={ids.publishDecision} label={t('catalog.publishDecision')} hint={t('common.optional')} width="half"
            error={errors[ids.publishDecision]} value={decision} onChange={(e) => setDecision(e.target.value)} />
        </div>
        <div className="actions">
          <button type="submit" className="button">{busy ? t('common.working') : t('catalog.publish')}</button>
          <button type="button" className="button button--warning" onClick={() => setConfirmDiscard(true)}>{t('catalog.discard')}</button>
        </div>
      </form>
      {confirmDiscard && (
        <Notice kind="error" title={t('catalog.discardConfirmTitle')}>
          <p>{detail.status === 'draft' ? t('catalog.discardDeletes') : t('catalog.discardKeeps')}</p>
          <div className="actions">
            <button type="button" className="button button--warning" onClick={() => void commands.discard()}>{t('catalog.discardConfirm')}</button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmDiscard(false)}>{t('catalog.cancel')}</button>
          </div>
        </Notice>
      )}
    </>
  );
}

function PublishedActions({ errors, check, commands }: Omit<Props, 'detail'>) {
  const { t } = useI18n();
  const [on, setOn] = useState('');
  const [decision, setDecision] = useState('');
  const [busy, setBusy] = useState(false);
  const abolish = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problem[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) problems.push([ids.abolishOn, 'catalog.abolishDateMissing']);
    if (!decision.trim()) problems.push([ids.abolishDecision, 'catalog.abolishDecisionMissing']);
    if (busy || check(problems)) return;
    setBusy(true);
    await commands.abolish(on, decision.trim());
    setBusy(false);
  };
  return (
    <>
      <p>{t('catalog.amendExplain')}</p>
      <button type="button" className="button" onClick={() => void commands.amend()}>{t('catalog.amend')}</button>
      <details className="details">
        <summary>{t('catalog.abolish')}</summary>
        <form onSubmit={abolish} noValidate className="form">
          <p>{t('catalog.abolishExplain')}</p>
          <TextField id={ids.abolishOn} label={t('catalog.abolishOn')} type="date" width="short" error={errors[ids.abolishOn]}
            value={on} onChange={(e) => setOn(e.target.value)} />
          <TextField id={ids.abolishDecision} label={t('catalog.abolishDecision')} width="half" error={errors[ids.abolishDecision]}
            value={decision} onChange={(e) => setDecision(e.target.value)} />
          <button type="submit" className="button button--warning">{busy ? t('common.working') : t('catalog.abolishSubmit')}</button>
        </form>
      </details>
    </>
  );
}
