import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, asApiError, type ApiError } from '../../api.ts';
import type { User } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Fieldset, Radio, SelectField } from '../../components/fields.tsx';
import { useFormErrors } from '../../components/formErrors.ts';
import { ApiErrorNotice, Loading } from '../../components/Notice.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useUser } from '../../session.tsx';
import { TextArea } from '../dossiers/formParts.tsx';
import type { IntakeResult, ProcedureForIntake, ProcedureOption } from '../dossiers/types.ts';
import { randomKey, useShortcuts } from '../dossiers/useShortcuts.ts';
import '../dossiers/dossiers.css';
import { ApplicantFields } from './ApplicantFields.tsx';
import { Checklist, Fees } from './Checklist.tsx';
import { IntakeDone } from './IntakeDone.tsx';
import {
  apiFieldIds, checkIntake, checklistOf, chosenCase, emptyIntake, ids, intakeBody, missingOf, type IntakeValues,
} from './intakeForm.ts';
import { OutcomeFields } from './OutcomeFields.tsx';
import { ProcedureCombobox } from './ProcedureCombobox.tsx';

/** Alt + these keys; shown beside the controls and in the list at the top. */
const keys = { procedure: 'Alt+T', name: 'Alt+H', tickAll: 'Alt+G', outcome: 'Alt+K', submit: 'Alt+S', another: 'Alt+N' };

interface DeskUnit {
  id: string;
  name: string;
}

/** Units where the user may receive dossiers: their desk-officer grants (usually one). */
function deskUnits(user: User): DeskUnit[] {
  const units = new Map<string, string>();
  for (const grant of user.grants) if (grant.role === 'desk_officer') units.set(grant.unitId, grant.unitName);
  return [...units].map(([id, name]) => ({ id, name }));
}

export function IntakePage() {
  const { t } = useI18n();
  const user = useUser();
  const units = useMemo(() => deskUnits(user), [user]);
  const [round, setRound] = useState(0);
  if (!units.length) {
    return <><h1>{t('intake.title')}</h1><p>{t('intake.noDeskGrant')}</p></>;
  }
  return <IntakeForm key={round} units={units} onNew={() => setRound((n) => n + 1)} focusFirst={round > 0} />;
}

function IntakeForm({ units, onNew, focusFirst }: { units: DeskUnit[]; onNew: () => void; focusFirst: boolean }) {
  const { t } = useI18n();
  const [values, setValues] = useState<IntakeValues>(() => emptyIntake(units[0].id));
  const [detail, setDetail] = useState<ProcedureForIntake | null>(null);
  const [detailError, setDetailError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<IntakeResult | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  // One key per form: a double click or a retry after a network failure sends the same key, so the server
  // returns the dossier it already created instead of a second one.
  const [idempotencyKey] = useState(randomKey);
  const procedureInput = useRef<HTMLInputElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const defaultReason = t('intake.missingDefaultReason');
  const missingCount = values.outcome === 'incomplete' ? missingOf(values, defaultReason).length : 0;
  const fieldIds = useMemo(() => apiFieldIds(values.documents.length, missingCount), [values.documents.length, missingCount]);
  const { errors, showProblems, showApiError, clear } = useFormErrors(fieldIds);
  usePageTitle(t('intake.title'), errors.any);
  const procedureCase = chosenCase(detail, values.caseId);
  // The next applicant: start again from the procedure.
  useEffect(() => { if (focusFirst) procedureInput.current?.focus(); }, [focusFirst]);

  useShortcuts({
    KeyT: () => procedureInput.current?.focus(),
    KeyH: () => nameInput.current?.focus(),
    KeyG: () => {
      const button = document.getElementById(ids.tickAll);
      button?.focus();
      button?.click();
    },
    KeyK: () => (document.querySelector<HTMLInputElement>('input[name="intake-outcome"]:checked'))?.focus(),
    KeyS: () => form.current?.requestSubmit(),
    KeyN: () => { if (result) onNew(); },
  });

  const pickProcedure = async (procedure: ProcedureOption) => {
    setValues((v) => ({ ...v, procedure, caseId: null, documents: [], missing: null, finishNow: false }));
    setDetail(null);
    setDetailError(null);
    try {
      const loaded = await api<ProcedureForIntake>('GET', `/api/v1/procedures/${encodeURIComponent(procedure.code)}`);
      setDetail(loaded);
      if (loaded.cases.length === 1) {
        setValues((v) => ({ ...v, caseId: loaded.cases[0].id, documents: checklistOf(loaded.cases[0]) }));
        requestAnimationFrame(() => nameInput.current?.focus());
      } else {
        requestAnimationFrame(() => document.getElementById(ids.caseFirst)?.focus());
      }
    } catch (cause) {
      setDetailError(asApiError(cause));
    }
  };

  const clearProcedure = () => {
    setValues((v) => ({ ...v, procedure: null, caseId: null, documents: [], missing: null, finishNow: false }));
    setDetail(null);
    setDetailError(null);
  };

  const chooseCase = (caseId: string) => {
    const chosen = detail?.cases.find((c) => c.id === caseId);
    if (chosen) setValues((v) => ({ ...v, caseId, documents: checklistOf(chosen), missing: null }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busyRef.current) return;
    if (showProblems(checkIntake(values, detail, new Date().getFullYear(), defaultReason))) return;
    if (!procedureCase) return; // still loading the procedure
    busyRef.current = true;
    setBusy(true);
    try {
      const created = await api<IntakeResult>('POST', '/api/v1/dossiers', {
        body: intakeBody(values, procedureCase, defaultReason),
        headers: { 'Idempotency-Key': idempotencyKey },
      });
      clear();
      setResult(created);
    } catch (cause) {
      showApiError(cause);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const submitLabel = values.outcome === 'incomplete' ? t('intake.submitIncomplete')
    : values.outcome === 'refused' ? t('intake.submitRefused')
    : values.finishNow ? t('intake.submitFinish') : t('intake.submitComplete');

  return (
    <>
      <ErrorSummary items={errors.summary} />
      <h1>{t('intake.title')}</h1>
      <Shortcuts />
      {result ? (
        <IntakeDone result={result} applicantName={values.applicant.fullName.trim()} procedureName={values.procedure?.name ?? ''}
          onNew={onNew} shortcut={keys.another} />
      ) : (
        <form ref={form} onSubmit={submit} noValidate className="form intake">
          <UnitChoice units={units} value={values.unitId} onChange={(unitId) => setValues((v) => ({ ...v, unitId }))} />
          <ProcedureCombobox id={ids.procedure} label={t('intake.procedure')} hint={t('intake.procedureHint')} shortcut={keys.procedure}
            error={errors.byField[ids.procedure]} unitId={values.unitId} value={values.procedure} onPick={pickProcedure}
            onClear={clearProcedure} inputRef={procedureInput} />
          {detailError && <ApiErrorNotice error={detailError} />}
          {values.procedure && !detail && !detailError && <Loading />}
          {detail && detail.cases.length > 1 && (
            <Fieldset id="intake-case" legend={t('intake.case')} hint={t('intake.caseHint')} error={errors.byField[ids.caseFirst]}>
              <div className="radios">
                {detail.cases.map((c, index) => (
                  <Radio key={c.id} id={`intake-case-${index}`} name="intake-case"
                    label={`${c.name ?? t('intake.caseUnnamed', { n: index + 1 })}${c.processingTime ? ` (${c.processingTime.label})` : ''}`}
                    checked={values.caseId === c.id} onChange={() => chooseCase(c.id)} />
                ))}
              </div>
            </Fieldset>
          )}
          <ApplicantFields values={values.applicant} onChange={(applicant) => setValues((v) => ({ ...v, applicant }))}
            errors={errors.byField} nameRef={nameInput} shortcut={keys.name} />
          {procedureCase && (
            <>
              <Checklist rows={values.documents} onChange={(documents) => setValues((v) => ({ ...v, documents }))}
                errors={errors.byField} shortcut={keys.tickAll} />
              <Fees fees={procedureCase.fees} />
            </>
          )}
          <OutcomeFields values={values} onChange={setValues} errors={errors.byField} onTheSpot={!!detail?.onTheSpot} shortcut={keys.outcome} />
          <SelectField id={ids.channel} label={t('intake.channel')} value={values.channel}
            onChange={(e) => setValues((v) => ({ ...v, channel: e.target.value as IntakeValues['channel'] }))}
            options={[{ value: 'counter', label: t('dossiers.channel.counter') }, { value: 'post', label: t('dossiers.channel.post') }]} />
          <TextArea id={ids.note} label={t('intake.note')} hint={t('common.optional')} error={errors.byField[ids.note]} rows={2}
            value={values.note} onChange={(e) => setValues((v) => ({ ...v, note: e.target.value }))} />
          <button type="submit" id={ids.submit} className={`button${values.outcome === 'refused' ? ' button--warning' : ''}`}
            aria-keyshortcuts={keys.submit} aria-busy={busy || undefined}>
            {busy ? t('common.working') : submitLabel} <kbd className="shortcut" aria-hidden="true">{keys.submit}</kbd>
          </button>
        </form>
      )}
    </>
  );
}

function UnitChoice({ units, value, onChange }: { units: DeskUnit[]; value: string; onChange: (unitId: string) => void }) {
  const { t } = useI18n();
  if (units.length === 1) return <p className="lead">{t('intake.receivingUnit')}: <strong>{units[0].name}</strong></p>;
  return (
    <SelectField id={ids.unit} label={t('intake.receivingUnit')} value={value} onChange={(e) => onChange(e.target.value)}
      options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
  );
}

function Shortcuts() {
  const { t } = useI18n();
  const items: Array<[string, string]> = [
    [keys.procedure, t('intake.keyProcedure')],
    [keys.name, t('intake.keyName')],
    [keys.tickAll, t('intake.keyTickAll')],
    [keys.outcome, t('intake.keyOutcome')],
    [keys.submit, t('intake.keySubmit')],
    [keys.another, t('intake.keyAnother')],
  ];
  return (
    <details className="details shortcuts" open>
      <summary>{t('intake.shortcutsTitle')}</summary>
      <ul className="shortcuts__list">
        {items.map(([key, text]) => <li key={key}><kbd>{key}</kbd> {text}</li>)}
        <li><kbd>Enter</kbd> {t('intake.keyEnter')}</li>
      </ul>
    </details>
  );
}
