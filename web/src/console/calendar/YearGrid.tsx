// Twelve month tables. Each day cell shows its number and a short code (L, B, HĐ, LB, ?) so that nothing depends on
// colour, and carries its full reading for screen readers: "Thứ Ba 24/11/2026 — Ngày Văn hóa Việt Nam (ngày lễ)".
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { dayName, monthWeeks, weekdayKey, weekdayShortKey } from './dates.ts';
import type { RestDaysAnswer, RestKind } from './types.ts';

export type DayKind = RestKind | 'makeup_workday' | 'unconfirmed';

export interface DayMark {
  kind: DayKind;
  name: string;
}

/** Every marked day of the year by date (weekends included). */
export function dayMarks(answer: RestDaysAnswer, pick: (vi: string, en: string | null | undefined) => string): Map<string, DayMark> {
  const marks = new Map<string, DayMark>();
  for (const d of answer.unconfirmed) marks.set(d.date, { kind: 'unconfirmed', name: d.name });
  for (const d of answer.restDays) marks.set(d.date, { kind: d.kind, name: d.kind === 'weekend' ? '' : pick(d.name, d.nameEn) });
  for (const d of answer.makeupWorkdays) marks.set(d.date, { kind: 'makeup_workday', name: pick(d.name, d.nameEn) });
  return marks;
}

const codedKinds: Array<Exclude<DayKind, 'weekend'>> = ['holiday', 'observed', 'swap_day_off', 'makeup_workday', 'unconfirmed'];
const mondayFirst = [1, 2, 3, 4, 5, 6, 0];

export function Legend() {
  const { t } = useI18n();
  return (
    <dl className="calendar-legend">
      {codedKinds.map((kind) => (
        <div key={kind}>
          <dt><span className={`day-sample day--${kind}`} aria-hidden="true">{t(`calendar.code.${kind}`)}</span><span className="visually-hidden">{t(`calendar.code.${kind}`)}</span></dt>
          <dd>{t(`calendar.kind.${kind}`)}</dd>
        </div>
      ))}
      <div>
        <dt><span className="day-sample day--weekend" aria-hidden="true">7</span><span className="visually-hidden">{t('calendar.weekendSample')}</span></dt>
        <dd>{t('calendar.kind.weekend')}</dd>
      </div>
    </dl>
  );
}

export function YearGrid({ year, marks, today }: { year: number; marks: Map<string, DayMark>; today: string }) {
  return (
    <div className="year-grid">
      {Array.from({ length: 12 }, (_, i) => <MonthTable key={i} year={year} month={i + 1} marks={marks} today={today} />)}
    </div>
  );
}

function MonthTable({ year, month, marks, today }: { year: number; month: number; marks: Map<string, DayMark>; today: string }) {
  const { t } = useI18n();
  return (
    <table className="month">
      <caption>{t('calendar.monthCaption', { month, year })}</caption>
      <thead>
        <tr>
          {mondayFirst.map((w) => (
            <th key={w} scope="col" className={w === 0 || w === 6 ? 'month__weekend' : undefined}>
              <span aria-hidden="true">{t(weekdayShortKey(w))}</span>
              <span className="visually-hidden">{t(weekdayKey(w))}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(year, month).map((week, i) => (
          <tr key={i}>
            {week.map((date, j) => (date ? <DayCell key={date} date={date} mark={marks.get(date)} today={date === today} /> : <td key={`pad-${j}`} />))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayCell({ date, mark, today }: { date: string; mark: DayMark | undefined; today: boolean }) {
  const { t } = useI18n();
  const kind = mark?.kind;
  const reading = [
    dayName(date, t),
    mark?.name ? ` — ${mark.name}` : '',
    kind ? ` (${t(`calendar.reading.${kind}`)})` : '',
    today ? ` (${t('calendar.today')})` : '',
  ].join('');
  return (
    <td className={`day${kind ? ` day--${kind}` : ''}${today ? ' day--today' : ''}`} title={mark?.name || undefined}>
      <span aria-hidden="true" className="day__number">{Number(date.slice(8))}</span>
      {kind && kind !== 'weekend' && <span aria-hidden="true" className="day__code">{t(`calendar.code.${kind}`)}</span>}
      <span className="visually-hidden">{reading}</span>
    </td>
  );
}
