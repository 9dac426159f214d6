import { api } from '../../api.ts';
import type { Page, Role } from '../../api-types.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { ApiErrorNotice, Loading } from '../../components/Notice.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, useLocation } from '../../router.tsx';
import { hasAnyRole, useUser } from '../../session.tsx';
import { usePagedList, useQuery } from '../../useQuery.ts';
import { satisfactionLevels } from '../../portal/citizenTypes.ts';
import { levelKeys } from '../../portal/ratings/RatingQuestions.tsx';
import type { Rating, RatingSummary } from '../qa/types.ts';

const unitRoles: Role[] = ['system_admin', 'unit_admin', 'leader', 'report_viewer'];

/** Satisfaction ratings: an official's own (the dossiers they returned), or a leader's units'. */
export function RatingsPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const mayUnits = hasAnyRole(user, unitRoles);
  const scope = useLocation().query.get('pham-vi') === 'don-vi' && mayUnits ? 'units' : 'mine';
  usePageTitle(t('staffRatings.title'));
  const summary = useQuery(`ratings:summary:${scope}`, (signal) => api<RatingSummary>('GET', '/api/v1/ratings/summary', { query: { scope }, signal }));
  const list = usePagedList(`ratings:${scope}`, (cursor, signal) => api<Page<Rating>>('GET', '/api/v1/ratings', { query: { scope, cursor }, signal }));
  const percent = (value: number | null) => (value === null ? '—' : `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(value)}%`);

  return (
    <>
      <h1>{t('staffRatings.title')}</h1>
      {mayUnits && (
        <nav aria-label={t('staffRatings.scopeLabel')}>
          <ul className="actions plain-list">
            <li><Link to="/can-bo/danh-gia" aria-current={scope === 'mine' ? 'page' : undefined}>{t('staffRatings.mine')}</Link></li>
            <li><Link to="/can-bo/danh-gia?pham-vi=don-vi" aria-current={scope === 'units' ? 'page' : undefined}>{t('staffRatings.units')}</Link></li>
          </ul>
        </nav>
      )}
      <p>{scope === 'mine' ? t('staffRatings.mineLead') : t('staffRatings.unitsLead')}</p>
      <h2 id="ratings-summary">{t('staffRatings.summary')}</h2>
      {summary.error ? <ApiErrorNotice error={summary.error} /> : !summary.data ? <Loading /> : (
        <>
          <ul className="counts">
            <li><strong>{summary.data.total}</strong>{t('staffRatings.total')}</li>
            <li><strong>{percent(summary.data.attitudeSatisfiedPercent)}</strong>{t('staffRatings.attitudeSatisfied')}</li>
            <li><strong>{percent(summary.data.overallSatisfiedPercent)}</strong>{t('staffRatings.overallSatisfied')}</li>
          </ul>
          <div className="table-wrap">
            <table className="table table--compact" aria-labelledby="ratings-summary">
              <thead><tr><th scope="col">{t('staffRatings.level')}</th><th scope="col">{t('staffRatings.attitude')}</th><th scope="col">{t('staffRatings.overall')}</th></tr></thead>
              <tbody>
                {satisfactionLevels.map((level) => (
                  <tr key={level}><th scope="row">{t(levelKeys[level])}</th><td>{summary.data!.attitude[level]}</td><td>{summary.data!.overall[level]}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2 id="ratings-list">{t('staffRatings.list')}</h2>
      <PagedTable list={list} labelledBy="ratings-list" empty={t('staffRatings.none')}
        headers={[t('staffRatings.ratedAt'), t('lookup.code'), t('lookup.procedure'), t('staffRatings.official'), t('staffRatings.attitude'), t('staffRatings.overall'), t('rating.comment')]}
        row={(r) => (
          <tr key={r.dossierId}>
            <td>{formatDateTime(r.ratedAt, lang)}</td>
            <td className="mono">{r.code}</td>
            <td>{r.procedureName}</td>
            <td>{r.officialName ?? '—'}</td>
            <td>{t(levelKeys[r.attitude])}</td>
            <td>{r.overall ? t(levelKeys[r.overall]) : '—'}</td>
            <td>{r.comment ?? ''}</td>
          </tr>
        )}
      />
    </>
  );
}
