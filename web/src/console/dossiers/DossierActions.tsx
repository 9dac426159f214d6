import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Fieldset, Radio, TextField } from '../../components/fields.tsx';
import { useFormErrors } from '../../components/formErrors.ts';
import { Notice } from '../../components/Notice.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { actionBody, actionFieldIds, actionIds as ids, checkAction, initialValues, needsOf, type ActionValues } from './actionForm.ts';
import { MissingItemsEditor, TextArea } from './formParts.tsx';
import { actionText, roleText } from './labels.ts';
import { dossierActions, type DossierAction, type DossierDetail } from './types.ts';

interface Props {
  dossier: DossierDetail;
  onActed: (updated: DossierDetail, label: string) => void;
  onReload: () => void;
  onErrors: (any: boolean) => void;
}

/** Moves the work forward; shown in green, the others in grey. */
const primary: ReadonlySet<string> = new Set(['accept_online', 'forward', 'approve', 'complete_supplement', 'record_result', 'return_result', 'resume']);

/**
 * The actions the server says this user may take now, one button each. A button opens a small form with what
 * the action needs; the form always sends the version the page was loaded at.
 */
export function DossierActions({ dossier, onActed, onReload, onErrors }: Props) {
  const { t, pick } = useI18n();
  const [open, setOpen] = useState<DossierAction | null>(null);
  const actions = dossier.availableActions.filter((a): a is typeof a & { action: DossierAction } =>
    (dossierActions as readonly string[]).includes(a.action));
  const labelOf = (action: DossierAction) => {
    const a = actions.find((x) => x.action === action);
    return a ? pick(a.label, a.labelEn) : actionText(t, action);
  };
  const close = (action: DossierAction) => {
    setOpen(null);
    onErrors(false);
    requestAnimationFrame(() => document.getElementById(`action-open-${action}`)?.focus());
  };

  return (
    <section className="section" aria-labelledby="dossier-actions-title">
      <h2 id="dossier-actions-title">{t('dossier.actionsHeading')}</h2>
      {actions.length === 0 ? <p>{t('dossier.noActions')}</p> : (
        <div className="actions action-buttons">
          {actions.map(({ action }) => (
            <button key={action} type="button" id={`action-open-${action}`}
              className={`button${primary.has(action) ? '' : ' button--secondary'}`}
              aria-expanded={open === action} aria-controls={open === action ? 'action-form' : undefined}
              onClick={() => { onErrors(false); setOpen(open === action ? null : action); }}>
              {labelOf(action)}
            </button>
          ))}
        </div>
      )}
      {open && (
        <ActionForm key={`${open}:${dossier.version}`} action={open} label={labelOf(open)} dossier={dossier}
          onCancel={() => close(open)} onReload={onReload} onErrors={onErrors}
          onDone={(updated) => { setOpen(null); onErrors(false); onActed(updated, labelOf(open)); }} />
      )}
    </section>
  );
}

interface FormProps {
  action: DossierAction;
  label: string;
  dossier: DossierDetail;
  onCancel: () => void;
  onDone: (updated: DossierDetail) => void;
  onReload: () => void;
  onErrors: (any: boolean) => void;
}

function ActionForm({ action, label, dossier, onCancel, onDone, onReload, onErrors }: FormProps) {
  const { t, lang } = useI18n();
  const needs = useMemo(() => needsOf(action, dossier), [action, dossier]);
  const [values, setValues] = useState<ActionValues>(() => initialValues(dossier));
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldIds = useMemo(() => actionFieldIds(values.items.length), [values.items.length]);
  const { errors, showProblems, showApiError } = useFormErrors(fieldIds);
  const set = <K extends keyof ActionValues>(field: K, value: ActionValues[K]) => setValues((v) => ({ ...v, [field]: value }));

  useEffect(() => { onErrors(errors.any); }, [errors.any, onErrors]);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea, button[type="submit"]')?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (showProblems(checkAction(needs, values, dossier))) return;
    setBusy(true);
    try {
      const updated = await api<DossierDetail>('POST', `/api/v1/dossiers/${dossier.id}/actions`, { body: actionBody(action, needs, values, dossier) });
      onDone(updated);
    } catch (cause) {
      setStale(cause instanceof ApiError && cause.status === 409 && cause.code === 'stale_version');
      showApiError(cause);
      setBusy(false);
    }
  };

  return (
    <form id="action-form" ref={formRef} className="form action-form" onSubmit={submit} noValidate aria-labelledby="action-form-title">
      <ErrorSummary items={errors.summary} />
      <h3 id="action-form-title">{label}</h3>
      {stale && (
        <Notice kind="info">
          <p>{t('dossier.staleHelp')}</p>
          <button type="button" className="button button--secondary" onClick={onReload}>{t('dossier.reload')}</button>
        </Notice>
      )}
      {needs.nextSteps.length > 0 && (
        <Fieldset id="action-to-step" legend={t('dossier.nextStep')} error={errors.byField[ids.toStepFirst]}>
          <div className="radios">
            {needs.nextSteps.map((step, index) => (
              <Radio key={step.key} id={`action-to-step-${index}`} name="action-to-step" checked={values.toStep === step.key}
                label={`${step.name}${step.role ? ` (${roleText(t, step.role)})` : ''}`} onChange={() => set('toStep', step.key)} />
            ))}
          </div>
        </Fieldset>
      )}
      {needs.correction && <CorrectionFields values={values} set={set} errors={errors.byField} />}
      {needs.result && (
        <>
          <TextField id={ids.resultNumber} label={t('dossier.resultNumber')} hint={t('common.optional')} width="half" autoComplete="off"
            error={errors.byField[ids.resultNumber]} value={values.resultNumber} onChange={(e) => set('resultNumber', e.target.value)} />
          <TextField id={ids.resultSignedOn} label={t('dossier.resultSignedOn')} hint={t('common.optional')} type="date" width="short"
            error={errors.byField[ids.resultSignedOn]} value={values.resultSignedOn} onChange={(e) => set('resultSignedOn', e.target.value)} />
          <TextField id={ids.resultSigner} label={t('dossier.resultSigner')} hint={t('common.optional')} width="half" autoComplete="off"
            error={errors.byField[ids.resultSigner]} value={values.resultSigner} onChange={(e) => set('resultSigner', e.target.value)} />
        </>
      )}
      {needs.reason && (
        <TextArea id={ids.reason} label={action === 'apologize' ? t('dossier.apologyReason') : t('dossier.reason')}
          error={errors.byField[ids.reason]} rows={2} value={values.reason} onChange={(e) => set('reason', e.target.value)} />
      )}
      {needs.reasons && (
        <TextArea id={ids.reasons} label={t('dossier.reasons')} hint={t('intake.reasonsHint')} error={errors.byField[ids.reasons]}
          value={values.reasons} onChange={(e) => set('reasons', e.target.value)} />
      )}
      {needs.appointment && (
        <TextField id={ids.appointment} label={t('dossier.newAppointmentAt')} type="datetime-local" width="half"
          hint={dossier.dueAt ? t('dossier.newAppointmentHint', { due: formatDateTime(dossier.dueAt, lang) }) : undefined}
          error={errors.byField[ids.appointment]} value={values.appointment} onChange={(e) => set('appointment', e.target.value)} />
      )}
      {needs.items && (
        <MissingItemsEditor prefix={ids.items} legend={t('dossier.supplementItems')} hint={t('dossier.supplementItemsHint')}
          items={values.items} onChange={(items) => set('items', items)} errors={errors.byField} />
      )}
      {needs.applicantDeadline && (
        <TextField id={ids.applicantDeadline} label={t('dossier.applicantDeadline')} hint={t('common.optional')} type="datetime-local"
          width="half" error={errors.byField[ids.applicantDeadline]} value={values.applicantDeadline}
          onChange={(e) => set('applicantDeadline', e.target.value)} />
      )}
      {needs.note && (
        <TextArea id={ids.note} label={t('dossier.note')} hint={t('common.optional')} error={errors.byField[ids.note]} rows={2}
          value={values.note} onChange={(e) => set('note', e.target.value)} />
      )}
      <div className="actions">
        <button type="submit" className={`button${primary.has(action) ? '' : ' button--warning'}`} aria-busy={busy || undefined}>
          {busy ? t('common.working') : t('dossier.confirm', { action: label })}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{t('dossier.cancel')}</button>
      </div>
    </form>
  );
}

function CorrectionFields({ values, set, errors }: {
  values: ActionValues;
  set: <K extends keyof ActionValues>(field: K, value: ActionValues[K]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="fieldset">
      <legend className="legend">{t('dossier.correctionHeading')}</legend>
      <p className="hint">{t('dossier.correctionHint')}</p>
      <TextField id={ids.fullName} label={t('intake.fullName')} error={errors[ids.fullName]} autoComplete="off"
        value={values.fullName} onChange={(e) => set('fullName', e.target.value)} />
      <div className="form-row">
        <TextField id={ids.idNumber} label={t('intake.idNumber')} error={errors[ids.idNumber]} width="half" inputMode="numeric"
          autoComplete="off" value={values.idNumber} onChange={(e) => set('idNumber', e.target.value)} />
        <TextField id={ids.birthYear} label={t('intake.birthYear')} error={errors[ids.birthYear]} width="short" inputMode="numeric"
          autoComplete="off" value={values.birthYear} onChange={(e) => set('birthYear', e.target.value)} />
      </div>
      <div className="form-row">
        <TextField id={ids.phone} label={t('intake.phone')} error={errors[ids.phone]} width="half" type="tel" autoComplete="off"
          value={values.phone} onChange={(e) => set('phone', e.target.value)} />
        <TextField id={ids.email} label={t('intake.email')} error={errors[ids.email]} width="half" type="email" autoComplete="off"
          value={values.email} onChange={(e) => set('email', e.target.value)} />
      </div>
      <TextField id={ids.address} label={t('intake.address')} error={errors[ids.address]} autoComplete="off"
        value={values.address} onChange={(e) => set('address', e.target.value)} />
      <TextField id={ids.dueAt} label={t('dossier.dueAt')} hint={t('dossier.dueAtHint')} type="datetime-local" width="half"
        error={errors[ids.dueAt]} value={values.dueAt} onChange={(e) => set('dueAt', e.target.value)} />
    </fieldset>
  );
}
