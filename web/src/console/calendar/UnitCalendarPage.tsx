import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import type { UnitDetail } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import { Notice } from '../../components/Notice.tsx';
import { ErrorPage, LoadingPage } from '../../components/PageStatus.tsx';
import { UnitPicker, type PickedUnit } from '../../components/UnitPicker.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { useQuery } from '../../useQuery.ts';
import { usePageProblems } from '../catalog/problems.ts';
import { recomputedText } from './changeText.ts';
import { todayInVietnam } from './dates.ts';
import { checkEntries, EntriesEditor, entriesBody, entryRows, locateEntry, type EntryRow } from './EntriesEditor.tsx';
import { checkHours, hoursIds, OfficeHoursEditor } from './OfficeHoursEditor.tsx';
import { calendarPath, unitCalendarPath } from './paths.ts';
import type { ChangeAnswer, OfficeHoursRule, RulesAnswer, UnitCalendar } from './types.ts';
import { adminUnits } from './units.ts';
import './calendar.css';

const prefix = 'unit-entry';
const ids = { name: 'unit-calendar-name', note: 'unit-calendar-note' };

/** A unit's own days off and worked days (a province's anniversary, a commune's event) and its office hours. */
export function UnitCalendarPage() {
  const user = useUser();
  const { query } = useLocation();
  const unitId = query.get('donvi') ?? '';
  const fallback = adminUnits(user)[0]?.id;
  useEffect(() => {
    if (!unitId && fallback) navigate(unitCalendarPath(fallback), { replace: true });
  }, [unitId, fallback]);
  // Keyed by the unit: another unit starts with its own data and no earlier result.
  return <UnitCalendarView key={unitId} unitId={unitId} />;
}

function UnitCalendarView({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const unit = useQuery(`unit:${unitId}`, (signal) =>
    unitId ? api<UnitDetail>('GET', `/api/v1/units/${encodeURIComponent(unitId)}`, { signal }) : Promise.resolve(null));
  const rules = useQuery('calendar-rules', (signal) => api<RulesAnswer>('GET', '/api/v1/calendar/rules', { signal }));
  const [result, setResult] = useState<ChangeAnswer | null>(null);
  const title = unit.data ? t('calendar.unitTitle', { unit: unit.data.unit.fullName }) : t('calendar.unitDays');
  const error = unit.error ?? rules.error;
  if (error) return <ErrorPage title={title} error={error} />;
  if (!rules.data || (unitId && !unit.data)) return <LoadingPage title={title} />;
  const saved = (answer: ChangeAnswer) => {
    setResult(answer);
    rules.reload();
  };
  return (
    <>
      <p><Link to={calendarPath(Number(todayInVietnam().slice(0, 4)), unitId)} className="back-link">{t('calendar.backToCalendar')}</Link></p>
      {unit.data
        ? <UnitForm key={`${unitId}:${rules.data.ruleVersion}`} title={title} unitId={unitId} rules={rules.data} result={result} saved={saved} />
        : <ChooseUnit title={title} />}
    </>
  );
}

function ChooseUnit({ title }: { title: string }) {
  usePageTitle(title);
  return <><h1>{title}</h1><OtherUnit /></>;
}

/** Any unit in the administrator's reach: picking one opens its calendar. */
function OtherUnit() {
  const { t } = useI18n();
  const [picked, setPicked] = useState<PickedUnit | null>(null);
  return (
    <UnitPicker id="calendar-unit" legend={t('calendar.chooseUnit')} value={picked} onChange={(unit) => {
      setPicked(unit);
      navigate(unitCalendarPath(unit.id));
    }} />
  );
}

function UnitForm({ title, unitId, rules, result, saved }: {
  title: string; unitId: string; rules: RulesAnswer; result: ChangeAnswer | null; saved: (answer: ChangeAnswer) => void;
}) {
  const { t } = useI18n();
  const own: UnitCalendar = rules.rules.units?.[unitId] ?? {};
  const national = rules.rules.officeHours[rules.rules.officeHours.length - 1];
  const [name, setName] = useState(own.name ?? '');
  const [rows, setRows] = useState<EntryRow[]>(() => entryRows(own.entries ?? []));
  const [hours, setHours] = useState<OfficeHoursRule[]>(() => own.officeHours ?? []);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const problems = usePageProblems();
  usePageTitle(title, problems.errors.any);
  useEffect(() => { if (result) document.getElementById('unit-calendar-result')?.focus(); }, [result]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || problems.showProblems([...checkEntries(prefix, rows), ...checkHours(hours)])) return;
    const empty = !name.trim() && !rows.length && !hours.length && !own.holidayRules?.length;
    // Recurring rules are not edited here: they go back unchanged so that saving never drops them.
    const calendar = empty ? null : {
      ...(name.trim() ? { name: name.trim() } : {}),
      entries: entriesBody(rows),
      ...(hours.length ? { officeHours: hours.map((h) => ({ ...h, to: h.to || undefined })) } : {}),
      ...(own.holidayRules?.length ? { holidayRules: own.holidayRules } : {}),
    };
    setBusy(true);
    try {
      const answer = await api<ChangeAnswer>('PUT', `/api/v1/calendar/units/${unitId}`, { body: { calendar, ...(note.trim() ? { note: note.trim() } : {}) } });
      problems.clear();
      saved(answer);
    } catch (cause) {
      problems.showApiError(cause, (field) => (field.endsWith('note') ? ids.note : field.endsWith('name') && !field.includes('entries')
        ? ids.name : field.includes('officeHours') ? hoursIds.add : locateEntry(prefix, field)));
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary items={problems.errors.summary} />
      {result && (
        <div id="unit-calendar-result" tabIndex={-1} className="focus-target">
          <Notice kind="success" title={t('calendar.unitSaved')}>
            <p>{recomputedText(result, t)}</p>
            <p>{t('calendar.newVersion')} <code>{result.ruleVersion}</code></p>
          </Notice>
        </div>
      )}
      <h1>{title}</h1>
      <p className="lead">{t('calendar.unitLead')}</p>
      <details className="details other-unit">
        <summary>{t('calendar.otherUnit')}</summary>
        <OtherUnit />
      </details>
      <form onSubmit={submit} noValidate>
        <TextField id={ids.name} label={t('calendar.unitCalendarName')} hint={t('common.optional')} width="half" error={problems.errors.byField[ids.name]}
          value={name} onChange={(e) => setName(e.target.value)} />
        <h2>{t('calendar.unitEntries')}</h2>
        <p className="hint">{t('calendar.unitEntriesHint')}</p>
        <EntriesEditor prefix={prefix} caption={t('calendar.unitEntries')} rows={rows} onChange={setRows} errors={problems.errors.byField} />
        {own.holidayRules && own.holidayRules.length > 0 && (
          <Notice kind="info" title={t('calendar.unitRules')}>
            <ul>{own.holidayRules.map((r) => <li key={r.id}>{r.name}</li>)}</ul>
            <p>{t('calendar.unitRulesText')}</p>
          </Notice>
        )}
        <h2>{t('calendar.officeHours')}</h2>
        {national && (
          <p className="hint">
            {t('calendar.nationalHours', { sessions: national.sessions.map((s) => `${s.start}–${s.end}`).join(', '), cutoff: national.cutoff })}
          </p>
        )}
        <OfficeHoursEditor rules={hours} onChange={setHours} errors={problems.errors.byField}
          template={{ from: todayInVietnam(), sessions: national?.sessions ?? [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }], cutoff: national?.cutoff ?? '15:00' }} />
        <TextField id={ids.note} label={t('calendar.note')} hint={t('calendar.noteHint')} width="half" error={problems.errors.byField[ids.note]}
          value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="button">{busy ? t('common.working') : t('calendar.unitSave')}</button>
      </form>
    </>
  );
}
