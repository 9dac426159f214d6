import { useState, type FormEvent } from 'react';
import { api, queryString } from '../../api.ts';
import { SelectField } from '../../components/fields.tsx';
import { ApiErrorNotice, Loading, Notice } from '../../components/Notice.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { hasAnyRole, useUser } from '../../session.tsx';
import { useQuery } from '../../useQuery.ts';
import { dayName, todayInVietnam } from './dates.ts';
import { calendarPath, dueDatePath, scheduleEditPath, unitCalendarPath } from './paths.ts';
import type { RestDaysAnswer, RulesAnswer } from './types.ts';
import { adminUnits } from './units.ts';
import { dayMarks, Legend, YearGrid } from './YearGrid.tsx';
import './calendar.css';

/** The working calendar of a year (`?nam=`), nationally or as it applies to a unit (`?donvi=`), and its history. */
export function CalendarPage() {
  const { t, pick } = useI18n();
  const user = useUser();
  const { query } = useLocation();
  const today = todayInVietnam();
  const asked = Number(query.get('nam'));
  const year = Number.isInteger(asked) && asked >= 1995 && asked <= 2150 ? asked : Number(today.slice(0, 4));
  const unitId = query.get('donvi') ?? '';
  const units = adminUnits(user);
  const unitName = units.find((u) => u.id === unitId)?.name;
  const title = t('calendar.title', { year });
  usePageTitle(title);
  const days = useQuery(`rest-days:${year}:${unitId}`, (signal) =>
    api<RestDaysAnswer>('GET', '/api/v1/calendar/rest-days', { query: { year, unitId }, signal }));
  const rules = useQuery('calendar-rules', (signal) => api<RulesAnswer>('GET', '/api/v1/calendar/rules', { signal }));
  const national = hasAnyRole(user, ['system_admin']);

  return (
    <>
      <h1>{title}</h1>
      {unitName && <p className="lead">{t('calendar.forUnit', { unit: unitName })}</p>}
      <nav aria-label={t('calendar.yearsLabel')} className="year-nav">
        <Link to={calendarPath(year - 1, unitId)}>{t('calendar.yearPrevious', { year: year - 1 })}</Link>
        <Link to={calendarPath(year + 1, unitId)}>{t('calendar.yearNext', { year: year + 1 })}</Link>
      </nav>
      <ViewChoice key={`${year}:${unitId}`} year={year} unitId={unitId} units={units} />
      <ul className="actions actions--links">
        {national && <li><Link to={scheduleEditPath(year)} className="button">{t('calendar.editSchedule', { year })}</Link></li>}
        <li><Link to={unitCalendarPath(unitId || units[0]?.id)} className="button button--secondary">{t('calendar.unitDays')}</Link></li>
        <li><Link to={dueDatePath} className="button button--secondary">{t('calendar.dueDate')}</Link></li>
      </ul>

      {days.error ? <ApiErrorNotice error={days.error} /> : !days.data ? <Loading /> : (
        <YearView answer={days.data} today={today} national={national} pick={pick} />
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('calendar.history')}</h2>
        {rules.error ? <ApiErrorNotice error={rules.error} /> : !rules.data ? <Loading /> : <History rules={rules.data} />}
      </section>
    </>
  );
}

function ViewChoice({ year, unitId, units }: { year: number; unitId: string; units: Array<{ id: string; name: string }> }) {
  const { t } = useI18n();
  const [yearText, setYearText] = useState(String(year));
  const [unit, setUnit] = useState(unitId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const asked = Number(yearText);
    navigate(calendarPath(Number.isInteger(asked) && asked >= 1995 && asked <= 2150 ? asked : year, unit));
  };
  const years = Array.from({ length: 11 }, (_, i) => year - 5 + i);
  return (
    <form className="filters filters--grid" onSubmit={submit} aria-label={t('calendar.viewLabel')}>
      <SelectField id="calendar-year" label={t('calendar.year')} value={yearText} onChange={(e) => setYearText(e.target.value)}
        options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      <SelectField id="calendar-unit" label={t('calendar.viewFor')} hint={t('calendar.viewForHint')} value={unit} onChange={(e) => setUnit(e.target.value)}
        options={[{ value: '', label: t('calendar.national') }, ...units.map((u) => ({ value: u.id, label: u.name }))]} />
      <div className="filters__actions"><button type="submit" className="button">{t('calendar.show')}</button></div>
    </form>
  );
}

function YearView({ answer, today, national, pick }: {
  answer: RestDaysAnswer; today: string; national: boolean; pick: (vi: string, en: string | null | undefined) => string;
}) {
  const { t } = useI18n();
  const marks = dayMarks(answer, pick);
  const named = [
    ...answer.restDays.filter((d) => d.kind !== 'weekend').map((d) => ({ date: d.date, kind: d.kind, name: pick(d.name, d.nameEn) })),
    ...answer.makeupWorkdays.map((d) => ({ date: d.date, kind: 'makeup_workday' as const, name: pick(d.name, d.nameEn) })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const restCount = answer.restDays.filter((d) => d.kind !== 'weekend').length;
  return (
    <>
      <dl className="summary-list">
        <div className="summary-list__row"><dt>{t('calendar.basis')}</dt><dd>{t(`calendar.basis.${answer.basis}`)}</dd></div>
        <div className="summary-list__row"><dt>{t('calendar.ruleVersion')}</dt><dd><code>{answer.ruleVersion}</code></dd></div>
        <div className="summary-list__row">
          <dt>{t('calendar.counts')}</dt>
          <dd>{t('calendar.countsText', { rest: restCount, makeup: answer.makeupWorkdays.length })}</dd>
        </div>
      </dl>
      {answer.unconfirmed.length > 0 && (
        <Notice kind="info" title={t('calendar.unconfirmedTitle')}>
          <ul>{answer.unconfirmed.map((d) => <li key={d.date}>{dayName(d.date, t)} — {d.name}</li>)}</ul>
          <p>{t('calendar.unconfirmedText')}</p>
          {national && <p><Link to={scheduleEditPath(answer.year)}>{t('calendar.unconfirmedEdit')}</Link></p>}
        </Notice>
      )}
      <h2>{t('calendar.monthsHeading')}</h2>
      <Legend />
      <YearGrid year={answer.year} marks={marks} today={today} />
      <h2 id="named-days-heading">{t('calendar.namedDays')}</h2>
      {named.length === 0 ? <p>{t('calendar.noNamedDays')}</p> : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="named-days-heading">
            <thead>
              <tr>
                <th scope="col">{t('calendar.entryDate')}</th>
                <th scope="col">{t('calendar.entryKind')}</th>
                <th scope="col">{t('calendar.entryName')}</th>
              </tr>
            </thead>
            <tbody>
              {named.map((d) => (
                <tr key={d.date}>
                  <td className="nowrap">{dayName(d.date, t)}</td>
                  <td>{t(`calendar.kind.${d.kind}`)}</td>
                  <td>{d.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function History({ rules }: { rules: RulesAnswer }) {
  const { t, lang } = useI18n();
  return (
    <>
      <p>{t('calendar.currentVersion')} <code>{rules.ruleVersion}</code></p>
      {rules.history.length === 0 ? <p>{t('calendar.noHistory')}</p> : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('calendar.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.changedAt')}</th>
                <th scope="col">{t('calendar.changedBy')}</th>
                <th scope="col">{t('calendar.ruleVersion')}</th>
                <th scope="col">{t('calendar.note')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.history.map((h) => (
                <tr key={h.id}>
                  <td className="nowrap">{formatDateTime(h.createdAt, lang)}</td>
                  <td>{h.createdBy ?? t('calendar.system')}</td>
                  <td><code>{h.version}</code></td>
                  <td>{h.note ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">{t('calendar.historyHint')} <Link to={`/can-bo/nhat-ky${queryString({ loai: 'calendar' })}`}>{t('calendar.auditLink')}</Link></p>
    </>
  );
}
