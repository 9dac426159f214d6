// The reports dashboard (/can-bo/bao-cao): the indicators of a unit and everything below it for a period, with
// charts, a drill-down from a province to its communes, a period picker and the exports. Reach is the server's
// business: a province viewer may open every commune, a ward leader only the ward.
import { api, queryString } from '../../api.ts';
import { ApiErrorNotice, Loading } from '../../components/Notice.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { localeOf } from '../../i18n/lang.ts';
import { Link, useLocation } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import { Bars, ShareLine, StackedColumns } from './charts.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { apiScope, paramsFromQuery, reportsHref, type ReportParams } from './params.ts';
import type { Dashboard, Rate } from './types.ts';
import './reports.css';

const COLORS = { online: '#1d3a6e', inPerson: '#4f83b8', early: '#00703c', onTime: '#4f83b8', late: '#b71c1c', overdue: '#b71c1c', satisfaction: '#1d3a6e' };

function useFormats() {
  const { lang } = useI18n();
  const locale = localeOf(lang);
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = (ratio: number) => `${decimal.format(Math.round(ratio * 1000) / 10)}%`;
  return { int: (n: number) => integer.format(n), dec: (n: number) => decimal.format(n), percent };
}

export function ReportsPage() {
  const { t, lang } = useI18n();
  const { query, search } = useLocation();
  const params = paramsFromQuery(query);
  const dashboard = useQuery(`reports:${search}`, (signal) =>
    api<Dashboard>('GET', '/api/v1/reports/dashboard', { query: apiScope(params), signal }));
  const d = dashboard.data;
  const title = t('reports.title');

  return (
    <>
      <h1>{title}</h1>
      {d && (
        <p className="lead">
          {t('reports.lead', { unit: d.unit.fullName, period: lang === 'en' ? d.period.labelEn : d.period.label, asOf: formatDate(d.period.asOf) })}
        </p>
      )}
      {d && <UnitTrail d={d} params={params} />}
      <PeriodPicker key={search} params={params} code={d?.period.code ?? (params.period || null)} from={d?.period.from ?? params.from}
        to={d?.period.to ?? params.to} convention={d?.period.convention ?? (params.convention === 'cutoff' ? 'cutoff' : 'calendar')} pageTitle={title} />
      {dashboard.error && <ApiErrorNotice error={dashboard.error} />}
      {!d && dashboard.loading && <Loading />}
      {d && <DashboardBody d={d} params={params} />}
    </>
  );
}

function UnitTrail({ d, params }: { d: Dashboard; params: ReportParams }) {
  const { t } = useI18n();
  if (!d.breadcrumbs.length) return null;
  return (
    <nav aria-label={t('reports.unitTrail')} className="breadcrumbs">
      <ol>
        {d.breadcrumbs.map((u) => <li key={u.id}><Link to={reportsHref({ ...params, unitId: u.id })}>{u.fullName}</Link></li>)}
        <li><span aria-current="page">{d.unit.fullName}</span></li>
      </ol>
    </nav>
  );
}

function DashboardBody({ d, params }: { d: Dashboard; params: ReportParams }) {
  const { t } = useI18n();
  const f = useFormats();
  const { lang } = useI18n();
  const names = d.months.map((m) => `${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`);
  const oneYear = new Set(d.months.map((m) => m.month.slice(0, 4))).size === 1;
  const short = new Intl.DateTimeFormat(localeOf(lang), { month: 'short', timeZone: 'UTC' });
  // Short axis labels (T3, Mar) within one year; month/year across years. The data tables use the long form.
  const months = d.months.map((m) => {
    const month = Number(m.month.slice(5, 7));
    if (!oneYear) return `${month}/${m.month.slice(2, 4)}`;
    return lang === 'vi' ? `T${month}` : short.format(new Date(`${m.month}T00:00:00Z`));
  });
  const s = d.summary;
  const overdue = d.subUnits.filter((u) => u.inProgress.overdue > 0);
  const satisfaction = d.months.map((m) => (m.ratings.count ? m.ratings.satisfied / m.ratings.count : null));
  const totalReceived = d.months.reduce((n, m) => n + m.received.online + m.received.inPersonOrPost, 0);
  return (
    <>
      <Exports params={params} d={d} />
      <h2>{t('reports.indicators')}</h2>
      <ul className="kpis">
        <Kpi label={t('reports.kpiReceived')} value={f.int(s.received.total)}
          note={t('reports.kpiReceivedNote', { carried: f.int(s.received.carriedOver), online: f.int(s.received.online) })}
          change={changeText(s.received.total, d.comparison.sameLastYear.summary.received.total, d.comparison.sameLastYear.label, t, f.dec)} />
        <Kpi label={t('reports.kpiResolved')} value={f.int(s.resolved.total)}
          note={t('reports.kpiResolvedNote', { early: f.int(s.resolved.early), onTime: f.int(s.resolved.onTime), late: f.int(s.resolved.late) })} />
        <Kpi label={t('reports.kpiOnTime')} value={rateValue(s.rates.onTime, f.percent)} note={rateNote(s.rates.onTime, f.int, t)} />
        <Kpi label={t('reports.kpiInProgress')} value={f.int(s.inProgress.total)}
          note={t('reports.kpiInProgressNote', { within: f.int(s.inProgress.withinDeadline), overdue: f.int(s.inProgress.overdue), date: formatDate(d.period.asOf) })} />
        <Kpi label={t('reports.kpiSatisfaction')} value={rateValue(s.rates.satisfaction, f.percent)} note={rateNote(s.rates.satisfaction, f.int, t)} />
        <Kpi label={t('reports.kpiFirstTime')} value={rateValue(s.rates.firstTimeAcceptance, f.percent)}
          note={t('reports.kpiFirstTimeNote', { supplement: rateText(s.rates.supplement, f.percent, t), refused: rateText(s.rates.return, f.percent, t) })} />
        <Kpi label={t('reports.kpiOnline')} value={rateValue(s.rates.online, f.percent)} note={rateNote(s.rates.online, f.int, t)} />
        <Kpi label={t('reports.kpiQuestions')} value={f.int(s.questions.received)} note={t('reports.kpiQuestionsNote', { answered: f.int(s.questions.answered) })} />
      </ul>

      <h2>{t('reports.charts')}</h2>
      <div className="chart-grid">
        <StackedColumns id="chart-received" title={t('reports.chartReceived')} caption={t('reports.chartReceived')} format={f.int}
          description={t('reports.chartReceivedDesc', { total: f.int(totalReceived), months: d.months.length })}
          categories={months} names={names}
          series={[
            { key: 'online', label: t('reports.online'), color: COLORS.online, values: d.months.map((m) => m.received.online) },
            { key: 'inPerson', label: t('reports.inPersonOrPost'), color: COLORS.inPerson, values: d.months.map((m) => m.received.inPersonOrPost) },
          ]} />
        <StackedColumns id="chart-on-time" title={t('reports.chartOnTime')} caption={t('reports.chartOnTime')} format={f.int} percent
          description={t('reports.chartOnTimeDesc', { rate: rateText(s.rates.onTime, f.percent, t) })}
          categories={months} names={names}
          series={[
            { key: 'early', label: t('reports.early'), color: COLORS.early, values: d.months.map((m) => m.resolved.early) },
            { key: 'onTime', label: t('reports.onTime'), color: COLORS.onTime, values: d.months.map((m) => m.resolved.onTime) },
            { key: 'late', label: t('reports.late'), color: COLORS.late, values: d.months.map((m) => m.resolved.late) },
          ]} />
        {d.subUnits.some((u) => u.drillable) && overdue.length === 0 && (
          <figure className="chart">
            <figcaption className="chart__title">{t('reports.chartOverdue')}</figcaption>
            <p>{t('reports.noOverdue', { date: formatDate(d.period.asOf) })}</p>
          </figure>
        )}
        {overdue.length > 0 && (
          <Bars id="chart-overdue" title={t('reports.chartOverdue')} caption={t('reports.chartOverdue')} color={COLORS.overdue} format={f.int}
            valueLabel={t('reports.overdue')}
            description={t('reports.chartOverdueDesc', { overdue: f.int(s.inProgress.overdue), units: overdue.filter((u) => u.inProgress.overdue > 0).length })}
            items={overdue.map((u) => ({ label: u.label, value: u.inProgress.overdue }))} />
        )}
        <ShareLine id="chart-satisfaction" title={t('reports.chartSatisfaction')} caption={t('reports.chartSatisfaction')} color={COLORS.satisfaction}
          description={t('reports.chartSatisfactionDesc', { rate: rateText(s.rates.satisfaction, f.percent, t), count: f.int(s.ratings.count) })}
          categories={months} names={names} values={satisfaction} counts={d.months.map((m) => m.ratings.count)} format={f.percent}
          valueLabel={t('reports.satisfiedShare')} countLabel={t('reports.ratingsCount')} />
      </div>

      {d.subUnits.some((u) => u.drillable) && <SubUnits d={d} params={params} />}
    </>
  );
}

function Kpi({ label, value, note, change }: { label: string; value: string | null; note?: string; change?: string | null }) {
  const { t } = useI18n();
  return (
    <li className="kpi">
      <span className="kpi__label">{label}</span>
      {value === null ? <span className="kpi__value kpi__value--none">{t('reports.noData')}</span> : <span className="kpi__value">{value}</span>}
      {note && <span className="kpi__note">{note}</span>}
      {change && <span className="kpi__note">{change}</span>}
    </li>
  );
}

type T = ReturnType<typeof useI18n>['t'];

function rateText(rate: Rate, percent: (r: number) => string, t: T): string {
  return rate.value === null ? t('reports.noData') : percent(rate.value);
}

function rateValue(rate: Rate, percent: (r: number) => string): string | null {
  return rate.value === null ? null : percent(rate.value);
}

function rateNote(rate: Rate, int: (n: number) => string, t: T): string {
  return t('reports.rateNote', { numerator: int(rate.numerator), denominator: int(rate.denominator) });
}

function changeText(current: number, previous: number, label: string, t: T, dec: (n: number) => string): string | null {
  if (!previous) return null;
  const change = Math.round(((current - previous) / previous) * 1000) / 10;
  if (change === 0) return t('reports.changeSame', { label });
  return t(change > 0 ? 'reports.changeUp' : 'reports.changeDown', { percent: dec(Math.abs(change)), label });
}

function SubUnits({ d, params }: { d: Dashboard; params: ReportParams }) {
  const { t } = useI18n();
  const f = useFormats();
  return (
    <>
      <h2 id="report-units-title">{t('reports.subUnits')}</h2>
      {/* Focusable so that a keyboard can scroll it sideways on a narrow screen. */}
      <div className="table-wrap" role="region" aria-labelledby="report-units-title" tabIndex={0}>
        <table className="table table--compact" aria-labelledby="report-units-title">
          <thead>
            <tr>
              <th scope="col">{t('reports.unit')}</th>
              <th scope="col" className="numeric">{t('reports.colReceived')}</th>
              <th scope="col" className="numeric">{t('reports.colCarried')}</th>
              <th scope="col" className="numeric">{t('reports.colResolved')}</th>
              <th scope="col" className="numeric">{t('reports.colOnTime')}</th>
              <th scope="col" className="numeric">{t('reports.colInProgress')}</th>
              <th scope="col" className="numeric">{t('reports.colOverdue')}</th>
            </tr>
          </thead>
          <tbody>
            {d.subUnits.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  {u.drillable
                    ? <Link to={reportsHref({ ...params, unitId: u.id })} aria-label={t('reports.openUnit', { unit: u.label })}>{u.label}</Link>
                    : u.label}
                </th>
                <td className="numeric">{f.int(u.received.total)}</td>
                <td className="numeric">{f.int(u.received.carriedOver)}</td>
                <td className="numeric">{f.int(u.resolved.total)}</td>
                <td className="numeric">{u.resolved.total ? f.percent((u.resolved.early + u.resolved.onTime) / u.resolved.total) : '—'}</td>
                <td className="numeric">{f.int(u.inProgress.total)}</td>
                <td className="numeric">{f.int(u.inProgress.overdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Exports({ params, d }: { params: ReportParams; d: Dashboard }) {
  const { t } = useI18n();
  const scope = { ...apiScope(params), unitId: d.unit.id, from: d.period.from, to: d.period.to, period: undefined, convention: d.period.convention };
  const href = (path: string, extra: Record<string, string>) => `/api/v1/reports/${path}${queryString({ ...scope, ...extra })}`;
  const links: [string, string][] = [
    [href('procedure-handling', { groupBy: 'field', format: 'xlsx' }), t('reports.exportTableXlsx')],
    [href('procedure-handling', { groupBy: 'field', format: 'pdf' }), t('reports.exportTablePdf')],
    [href('procedure-handling', { groupBy: 'procedure', format: 'csv' }), t('reports.exportTableCsv')],
    [href('narrative', { format: 'docx' }), t('reports.exportNarrativeDocx')],
    [href('narrative', { format: 'pdf' }), t('reports.exportNarrativePdf')],
  ];
  return (
    <section aria-labelledby="report-exports-title" className="report-exports">
      <h2 id="report-exports-title">{t('reports.exports')}</h2>
      <ul className="report-exports__list">
        {links.map(([url, label]) => <li key={url}><a className="button button--secondary" href={url} download>{label}</a></li>)}
      </ul>
    </section>
  );
}
