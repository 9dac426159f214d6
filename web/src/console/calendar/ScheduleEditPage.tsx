import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import { Notice } from '../../components/Notice.tsx';
import { ErrorPage, LoadingPage } from '../../components/PageStatus.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import { usePageProblems } from '../catalog/problems.ts';
import { TextArea } from '../dossiers/formParts.tsx';
import { recomputedText } from './changeText.ts';
import { checkEntries, EntriesEditor, entriesBody, entryRows, locateEntry, type EntryRow } from './EntriesEditor.tsx';
import { calendarPath } from './paths.ts';
import type { ChangeAnswer, RestDaysAnswer, RulesAnswer, ScheduleEntry } from './types.ts';
import './calendar.css';

const prefix = 'entry';
const ids = { summary: 'schedule-summary', note: 'schedule-note' };

/** A year's official day-off schedule: change, add or remove its days (e.g. confirm 24/11 as a holiday). */
export function ScheduleEditPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const year = Number(params.year);
  const title = t('calendar.editTitle', { year });
  const rules = useQuery('calendar-rules', (signal) => api<RulesAnswer>('GET', '/api/v1/calendar/rules', { signal }));
  const days = useQuery(`rest-days:${year}:`, (signal) => api<RestDaysAnswer>('GET', '/api/v1/calendar/rest-days', { query: { year }, signal }));
  // Kept here: after saving, the form starts again from the stored schedule and the result stays on screen.
  const [result, setResult] = useState<ChangeAnswer | null>(null);
  const error = rules.error ?? days.error;
  if (error) return <ErrorPage title={title} error={error} />;
  if (!rules.data || !days.data) return <LoadingPage title={title} />;
  const saved = (answer: ChangeAnswer) => {
    setResult(answer);
    rules.reload();
    days.reload();
  };
  return <ScheduleForm key={rules.data.ruleVersion} year={year} rules={rules.data} days={days.data} result={result} saved={saved} />;
}

/** A year without an official schedule starts from the days the holiday rules give, marked as estimates. */
function startingEntries(year: number, rules: RulesAnswer, days: RestDaysAnswer): { entries: ScheduleEntry[]; official: boolean } {
  const schedule = rules.rules.schedules.find((s) => s.year === year);
  if (schedule) return { entries: schedule.entries, official: true };
  const entries: ScheduleEntry[] = [
    ...days.restDays.filter((d) => d.kind !== 'weekend')
      .map((d) => ({ date: d.date, kind: d.kind as ScheduleEntry['kind'], name: d.name, nameEn: d.nameEn, source: 'Labour Code 2019 art. 112 (rules)', confidence: 'estimate' as const })),
    ...days.makeupWorkdays.map((d) => ({ date: d.date, kind: 'makeup_workday' as const, name: d.name, nameEn: d.nameEn, source: 'rules', confidence: 'estimate' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return { entries, official: false };
}

function ScheduleForm({ year, rules, days, result, saved }: {
  year: number; rules: RulesAnswer; days: RestDaysAnswer; result: ChangeAnswer | null; saved: (answer: ChangeAnswer) => void;
}) {
  const { t } = useI18n();
  const start = startingEntries(year, rules, days);
  const [rows, setRows] = useState<EntryRow[]>(() => entryRows(start.entries));
  const [summary, setSummary] = useState(() => rules.rules.schedules.find((s) => s.year === year)?.summary ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState(false);
  const problems = usePageProblems();
  usePageTitle(t('calendar.editTitle', { year }), problems.errors.any);
  // The button is at the bottom of a long form: bring the result into view and to screen readers.
  useEffect(() => { if (result) document.getElementById('schedule-result')?.focus(); }, [result]);

  const send = async (schedule: { summary: string; entries: ReturnType<typeof entriesBody> } | null) => {
    setBusy(true);
    try {
      const answer = await api<ChangeAnswer>('PUT', `/api/v1/calendar/schedules/${year}`, { body: { schedule, ...(note.trim() ? { note: note.trim() } : {}) } });
      problems.clear();
      saved(answer);
    } catch (cause) {
      problems.showApiError(cause, (field) => (field.endsWith('note') ? ids.note : field.endsWith('summary') ? ids.summary : locateEntry(prefix, field)));
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || problems.showProblems(checkEntries(prefix, rows, year))) return;
    void send({ summary: summary.trim(), entries: entriesBody(rows) });
  };

  return (
    <>
      <p><Link to={calendarPath(year)} className="back-link">{t('calendar.backToYear', { year })}</Link></p>
      <ErrorSummary items={problems.errors.summary} />
      {result && (
        <div id="schedule-result" tabIndex={-1} className="focus-target">
          <Notice kind="success" title={t('calendar.savedTitle', { year })}>
            <p>{recomputedText(result, t)}</p>
            <p>{t('calendar.newVersion')} <code>{result.ruleVersion}</code></p>
            <p><Link to={calendarPath(year)}>{t('calendar.viewYear', { year })}</Link></p>
          </Notice>
        </div>
      )}
      <h1>{t('calendar.editTitle', { year })}</h1>
      {start.official
        ? <p className="lead">{t('calendar.editLead')}</p>
        : <Notice kind="info"><p>{t('calendar.noSchedule', { year })}</p></Notice>}
      <form onSubmit={submit} noValidate>
        <TextArea id={ids.summary} label={t('calendar.scheduleSummary')} hint={t('calendar.scheduleSummaryHint')} rows={2}
          error={problems.errors.byField[ids.summary]} value={summary} onChange={(e) => setSummary(e.target.value)} />
        <p className="hint">{t('calendar.entriesHint')}</p>
        <EntriesEditor prefix={prefix} caption={t('calendar.entriesCaption', { year })} rows={rows} onChange={setRows}
          errors={problems.errors.byField} year={year} />
        <TextField id={ids.note} label={t('calendar.note')} hint={t('calendar.noteHint')} width="half" error={problems.errors.byField[ids.note]}
          value={note} onChange={(e) => setNote(e.target.value)} />
        <div className="actions">
          <button type="submit" className="button">{busy ? t('common.working') : t('calendar.saveSchedule', { year })}</button>
          {start.official && (
            <button type="button" className="button button--warning" onClick={() => setRemoving(true)}>{t('calendar.removeSchedule')}</button>
          )}
        </div>
      </form>
      {removing && (
        <Notice kind="error" title={t('calendar.removeConfirmTitle', { year })}>
          <p>{t('calendar.removeConfirmText')}</p>
          <div className="actions">
            <button type="button" className="button button--warning" onClick={() => { setRemoving(false); void send(null); }}>
              {t('calendar.removeConfirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setRemoving(false)}>{t('catalog.cancel')}</button>
          </div>
        </Notice>
      )}
    </>
  );
}
