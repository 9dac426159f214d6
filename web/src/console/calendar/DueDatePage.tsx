import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useFormErrors, type Problem } from '../../components/formErrors.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { durationKey } from '../catalog/labels.ts';
import { durationKinds, type DurationKind } from '../catalog/types.ts';
import { dayName, isIsoDate, todayInVietnam } from './dates.ts';
import { calendarBase } from './paths.ts';
import type { DueDateAnswer } from './types.ts';
import { adminUnits } from './units.ts';
import './calendar.css';

const ids = { date: 'due-start-date', time: 'due-start-time', amount: 'due-amount', kind: 'due-kind', unit: 'due-unit' };

/** Tries the calendar: from a receipt date and time and a processing time, the due date the desk would print. */
export function DueDatePage() {
  const { t } = useI18n();
  const units = adminUnits(useUser());
  const [values, setValues] = useState({ date: todayInVietnam(), time: '08:00', amount: '5', kind: 'working_days' as DurationKind, unitId: '' });
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<DueDateAnswer | null>(null);
  const fieldIds = useMemo(() => ({ start: ids.date, amount: ids.amount, unit: ids.kind, unitId: ids.unit }), []);
  const { errors, showProblems, showApiError, clear } = useFormErrors(fieldIds);
  usePageTitle(t('calendar.dueTitle'), errors.any);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problem[] = [];
    if (!isIsoDate(values.date)) problems.push([ids.date, 'calendar.dueDateMissing']);
    if (!/^\d{2}:\d{2}$/.test(values.time)) problems.push([ids.time, 'calendar.dueTimeMissing']);
    if (values.kind !== 'same_day' && !(Number(values.amount.replace(',', '.')) > 0)) problems.push([ids.amount, 'catalog.amountMissing']);
    if (busy || showProblems(problems)) return;
    setBusy(true);
    setAnswer(null);
    try {
      setAnswer(await api<DueDateAnswer>('GET', '/api/v1/calendar/due-date', {
        query: {
          // The receipt happens in Vietnam whatever the browser's zone.
          start: `${values.date}T${values.time}:00+07:00`,
          amount: values.kind === 'same_day' ? undefined : Number(values.amount.replace(',', '.')),
          unit: values.kind,
          unitId: values.unitId || undefined,
        },
      }));
      clear();
    } catch (cause) {
      showApiError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p><Link to={calendarBase} className="back-link">{t('calendar.backToCalendar')}</Link></p>
      <ErrorSummary items={errors.summary} />
      <h1>{t('calendar.dueTitle')}</h1>
      <p className="lead">{t('calendar.dueLead')}</p>
      <form onSubmit={submit} noValidate className="form">
        <div className="form-row">
          <TextField id={ids.date} type="date" width="short" label={t('calendar.dueStartDate')} error={errors.byField[ids.date]}
            value={values.date} onChange={set('date')} />
          <TextField id={ids.time} type="time" width="short" label={t('calendar.dueStartTime')} error={errors.byField[ids.time]}
            value={values.time} onChange={set('time')} />
        </div>
        <div className="form-row">
          <SelectField id={ids.kind} label={t('catalog.timeKind')} error={errors.byField[ids.kind]} value={values.kind} onChange={set('kind')}
            options={durationKinds.map((k) => ({ value: k, label: t(durationKey(k)) }))} />
          {values.kind !== 'same_day' && (
            <TextField id={ids.amount} label={t('catalog.timeAmount')} inputMode="decimal" width="short" error={errors.byField[ids.amount]}
              value={values.amount} onChange={set('amount')} />
          )}
        </div>
        <SelectField id={ids.unit} label={t('calendar.viewFor')} hint={t('calendar.dueUnitHint')} value={values.unitId} onChange={set('unitId')}
          options={[{ value: '', label: t('calendar.national') }, ...units.map((u) => ({ value: u.id, label: u.name }))]} />
        <button type="submit" className="button">{busy ? t('common.working') : t('calendar.dueSubmit')}</button>
      </form>
      <div aria-live="polite">
        {answer && (
          <div className="panel due-result">
            <h2 className="panel__title">{t('calendar.dueResult')}</h2>
            <p className="due-result__value">{t('calendar.dueAt', { time: answer.dueAt.slice(11, 16), day: dayName(answer.dueDate, t) })}</p>
            <p className="hint">{t('calendar.ruleVersion')}: <code>{answer.ruleVersion}</code></p>
          </div>
        )}
      </div>
    </>
  );
}
