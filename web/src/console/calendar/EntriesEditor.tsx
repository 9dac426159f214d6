// Rows of dated entries (a year's official schedule, a unit's own days): date, kind, names, source, confidence.
// A table keeps twenty-odd rows readable; every input has its own label naming the column, the row and the date.
import { useEffect, useRef } from 'react';
import type { Problem } from '../../components/formErrors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { fieldPath } from '../catalog/problems.ts';
import { isIsoDate, shortDate } from './dates.ts';
import { confidences, entryKinds, type Confidence, type EntryKind, type ScheduleEntry } from './types.ts';

export interface EntryRow {
  date: string;
  kind: EntryKind;
  name: string;
  nameEn: string;
  source: string;
  confidence: Confidence;
}

type Part = 'date' | 'kind' | 'name' | 'nameEn' | 'source' | 'confidence';

export const entryIds = {
  add: (prefix: string) => `${prefix}-add`,
  cell: (prefix: string, i: number, part: Part) => `${prefix}-${i}-${part}`,
};

export const entryRows = (entries: ScheduleEntry[]): EntryRow[] =>
  entries.map((e) => ({ date: e.date, kind: e.kind, name: e.name, nameEn: e.nameEn === e.name ? '' : e.nameEn, source: e.source, confidence: e.confidence }));

/** The API's entry shape; an empty English name or source is left out so the server fills it in. */
export const entriesBody = (rows: EntryRow[]) => rows.map((r) => ({
  date: r.date, kind: r.kind, name: r.name.trim(),
  ...(r.nameEn.trim() ? { nameEn: r.nameEn.trim() } : {}),
  ...(r.source.trim() ? { source: r.source.trim() } : {}),
  confidence: r.confidence,
}));

export function checkEntries(prefix: string, rows: EntryRow[], year?: number): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (!isIsoDate(row.date)) problems.push([entryIds.cell(prefix, i, 'date'), 'calendar.entryDateMissing']);
    else if (year !== undefined && !row.date.startsWith(`${year}-`)) problems.push([entryIds.cell(prefix, i, 'date'), 'calendar.entryOutsideYear']);
    else if (seen.has(row.date)) problems.push([entryIds.cell(prefix, i, 'date'), 'calendar.entryDuplicate']);
    seen.add(row.date);
    if (!row.name.trim()) problems.push([entryIds.cell(prefix, i, 'name'), 'calendar.entryNameMissing']);
  });
  return problems;
}

/** `schedule.entries.3.date`, `calendar.entries.0.name` → that cell; `entries` → the add button. */
export function locateEntry(prefix: string, field: string): string | undefined {
  const path = fieldPath(field);
  const at = path.indexOf('entries');
  if (at < 0) return undefined;
  const index = path[at + 1];
  if (index === undefined) return entryIds.add(prefix);
  const part = path[at + 2] as Part | undefined;
  return entryIds.cell(prefix, Number(index), part && ['date', 'kind', 'name', 'nameEn', 'source', 'confidence'].includes(part) ? part : 'date');
}

interface Props {
  prefix: string;
  caption: string;
  rows: EntryRow[];
  onChange: (rows: EntryRow[]) => void;
  errors: Record<string, string>;
  /** Limits the date inputs to one year (a year's schedule). */
  year?: number;
}

export function EntriesEditor({ prefix, caption, rows, onChange, errors, year }: Props) {
  const { t } = useI18n();
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });
  const update = (i: number, change: Partial<EntryRow>) => onChange(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  const add = () => {
    focusAfter.current = entryIds.cell(prefix, rows.length, 'date');
    onChange([...rows, { date: '', kind: 'holiday', name: '', nameEn: '', source: '', confidence: 'high' }]);
  };
  const remove = (i: number) => {
    focusAfter.current = entryIds.add(prefix);
    onChange(rows.filter((_, j) => j !== i));
  };
  const columns: Array<[Part, string]> = [
    ['date', t('calendar.entryDate')], ['kind', t('calendar.entryKind')], ['name', t('calendar.entryName')],
    ['nameEn', t('calendar.entryNameEn')], ['source', t('calendar.entrySource')], ['confidence', t('calendar.entryConfidence')],
  ];
  const label = (part: Part, i: number, row: EntryRow) =>
    t('calendar.cellLabel', { column: columns.find(([p]) => p === part)![1], row: i + 1, date: isIsoDate(row.date) ? shortDate(row.date) : t('calendar.noDate') });

  return (
    <>
      <div className="table-wrap">
        <table className="table table--compact entries-table">
          <caption className="caption-left">{caption}</caption>
          <thead>
            <tr>
              {columns.map(([part, text]) => <th key={part} scope="col">{text}</th>)}
              <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && <tr><td colSpan={7}>{t('calendar.noEntries')}</td></tr>}
            {rows.map((row, i) => {
              const cell = (part: Part) => entryIds.cell(prefix, i, part);
              const error = (part: Part) => errors[cell(part)];
              const described = (part: Part) => (error(part) ? `${cell(part)}-error` : undefined);
              const message = (part: Part) => error(part) && <p className="error-message" id={`${cell(part)}-error`}>{error(part)}</p>;
              const invalid = (part: Part) => (error(part) ? true : undefined);
              return (
                <tr key={i} className={row.kind === 'holiday_unconfirmed' ? 'entries-table__unconfirmed' : undefined}>
                  <td>
                    <label className="visually-hidden" htmlFor={cell('date')}>{label('date', i, row)}</label>
                    {message('date')}
                    <input id={cell('date')} type="date" className={`input entries-table__date${error('date') ? ' input--error' : ''}`} value={row.date}
                      min={year ? `${year}-01-01` : undefined} max={year ? `${year}-12-31` : undefined} aria-invalid={invalid('date')}
                      aria-describedby={described('date')} onChange={(e) => update(i, { date: e.target.value })} />
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={cell('kind')}>{label('kind', i, row)}</label>
                    <select id={cell('kind')} className="select" value={row.kind} onChange={(e) => update(i, { kind: e.target.value as EntryKind })}>
                      {entryKinds.map((k) => <option key={k} value={k}>{t(`calendar.entryKind.${k}`)}</option>)}
                    </select>
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={cell('name')}>{label('name', i, row)}</label>
                    {message('name')}
                    <input id={cell('name')} className={`input entries-table__wide${error('name') ? ' input--error' : ''}`} value={row.name} aria-invalid={invalid('name')}
                      aria-describedby={described('name')} onChange={(e) => update(i, { name: e.target.value })} />
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={cell('nameEn')}>{label('nameEn', i, row)}</label>
                    <input id={cell('nameEn')} className="input entries-table__wide" lang="en" value={row.nameEn} onChange={(e) => update(i, { nameEn: e.target.value })} />
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={cell('source')}>{label('source', i, row)}</label>
                    <input id={cell('source')} className="input entries-table__wide" value={row.source} onChange={(e) => update(i, { source: e.target.value })} />
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={cell('confidence')}>{label('confidence', i, row)}</label>
                    <select id={cell('confidence')} className="select" value={row.confidence} onChange={(e) => update(i, { confidence: e.target.value as Confidence })}>
                      {confidences.map((c) => <option key={c} value={c}>{t(`calendar.confidence.${c}`)}</option>)}
                    </select>
                  </td>
                  <td>
                    <button type="button" className="button button--warning button--small" onClick={() => remove(i)}>
                      {t('calendar.remove')}
                      <span className="visually-hidden"> {isIsoDate(row.date) ? shortDate(row.date) : t('calendar.rowN', { n: i + 1 })}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" id={entryIds.add(prefix)} className="button button--secondary" onClick={add}>{t('calendar.entryAdd')}</button>
    </>
  );
}
