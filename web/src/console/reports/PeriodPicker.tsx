// The period picker: a kind of period (month, quarter, half-year, nine months, year, or any dates), its year and
// number, and how periods are cut (calendar months or the official cut-off on the 15th). It writes the choice to
// the address, so a view can be bookmarked or shared.
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useFormErrors, type Problem } from '../../components/formErrors.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../router.tsx';
import { reportsHref, type ReportParams } from './params.ts';

type Kind = 'month' | 'quarter' | 'half' | 'nine_months' | 'year' | 'custom';

const ids = { kind: 'report-kind', year: 'report-year', index: 'report-index', from: 'report-from', to: 'report-to', convention: 'report-convention' };

function fromCode(code: string | null): { kind: Kind; year: string; index: string } {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q(\d)|H(\d)|(9M)))?$/.exec(code ?? '');
  if (!m) return { kind: 'year', year: String(new Date().getFullYear()), index: '1' };
  if (m[2]) return { kind: 'month', year: m[1], index: String(Number(m[2])) };
  if (m[3]) return { kind: 'quarter', year: m[1], index: m[3] };
  if (m[4]) return { kind: 'half', year: m[1], index: m[4] };
  if (m[5]) return { kind: 'nine_months', year: m[1], index: '1' };
  return { kind: 'year', year: m[1], index: '1' };
}

function toCode(kind: Kind, year: string, index: string): string {
  switch (kind) {
    case 'month': return `${year}-${index.padStart(2, '0')}`;
    case 'quarter': return `${year}-Q${index}`;
    case 'half': return `${year}-H${index}`;
    case 'nine_months': return `${year}-9M`;
    default: return year;
  }
}

export function PeriodPicker({ params, code, from, to, convention, pageTitle }: {
  params: ReportParams; code: string | null; from: string; to: string; convention: 'calendar' | 'cutoff'; pageTitle: string;
}) {
  const { t } = useI18n();
  const start = params.from && params.to ? { kind: 'custom' as Kind, year: from.slice(0, 4), index: '1' } : fromCode(code);
  const [kind, setKind] = useState<Kind>(start.kind);
  const [year, setYear] = useState(start.year);
  const [index, setIndex] = useState(start.index);
  const [range, setRange] = useState({ from, to });
  const [cut, setCut] = useState(convention);
  const { errors, showProblems } = useFormErrors(ids);
  // The page title lives here because only this form can have errors on the page.
  usePageTitle(pageTitle, errors.any);

  const indexOptions = kind === 'month'
    ? Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t('reports.monthN', { n: i + 1 }) }))
    : kind === 'quarter'
      ? ['I', 'II', 'III', 'IV'].map((r, i) => ({ value: String(i + 1), label: t('reports.quarterN', { n: r }) }))
      : [{ value: '1', label: t('reports.halfFirst') }, { value: '2', label: t('reports.halfSecond') }];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problem[] = [];
    if (kind === 'custom') {
      if (!range.from) problems.push([ids.from, 'reports.fromMissing']);
      if (!range.to) problems.push([ids.to, 'reports.toMissing']);
      if (range.from && range.to && range.to < range.from) problems.push([ids.to, 'reports.toBeforeFrom']);
    } else if (!/^\d{4}$/.test(year)) problems.push([ids.year, 'reports.yearInvalid']);
    if (showProblems(problems)) return;
    const next: ReportParams = { unitId: params.unitId, convention: cut, period: '', from: '', to: '' };
    if (kind === 'custom') Object.assign(next, { from: range.from, to: range.to });
    else next.period = toCode(kind, year, kind === 'month' || kind === 'quarter' || kind === 'half' ? index : '1');
    navigate(reportsHref(next));
  };

  return (
    <form className="filters filters--grid report-period" onSubmit={submit} noValidate aria-label={t('reports.periodForm')}>
      <ErrorSummary items={errors.summary} />
      <SelectField id={ids.kind} label={t('reports.kind')} value={kind} onChange={(e) => { setKind(e.target.value as Kind); setIndex('1'); }}
        options={[
          { value: 'month', label: t('reports.kindMonth') }, { value: 'quarter', label: t('reports.kindQuarter') },
          { value: 'half', label: t('reports.kindHalf') }, { value: 'nine_months', label: t('reports.kindNineMonths') },
          { value: 'year', label: t('reports.kindYear') }, { value: 'custom', label: t('reports.kindCustom') },
        ]} />
      {kind !== 'custom' && (
        <TextField id={ids.year} label={t('reports.year')} inputMode="numeric" width="short" value={year} error={errors.byField[ids.year]}
          onChange={(e) => setYear(e.target.value.trim())} />
      )}
      {(kind === 'month' || kind === 'quarter' || kind === 'half') && (
        <SelectField id={ids.index} label={t('reports.which')} value={index} onChange={(e) => setIndex(e.target.value)} options={indexOptions} />
      )}
      {kind === 'custom' && (
        <>
          <TextField id={ids.from} label={t('reports.from')} type="date" width="short" value={range.from} error={errors.byField[ids.from]}
            onChange={(e) => setRange({ ...range, from: e.target.value })} />
          <TextField id={ids.to} label={t('reports.to')} type="date" width="short" value={range.to} error={errors.byField[ids.to]}
            onChange={(e) => setRange({ ...range, to: e.target.value })} />
        </>
      )}
      <SelectField id={ids.convention} label={t('reports.convention')} hint={t('reports.conventionHint')} value={cut}
        onChange={(e) => setCut(e.target.value as 'calendar' | 'cutoff')}
        options={[{ value: 'calendar', label: t('reports.conventionCalendar') }, { value: 'cutoff', label: t('reports.conventionCutoff') }]} />
      <div className="filters__actions">
        <button type="submit" className="button">{t('reports.show')}</button>
      </div>
    </form>
  );
}
