import { api, type ApiError } from '../api.ts';
import type { Page, ProcedureSummary } from '../api-types.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { ApiErrorNotice, Loading, Notice } from '../components/Notice.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link, useLocation } from '../router.tsx';
import { usePagedList } from '../useQuery.ts';
import { ProcedureSearchForm } from './ProcedureSearchForm.tsx';

export function ProceduresPage() {
  const { t } = useI18n();
  const q = useLocation().query.get('q') ?? '';
  usePageTitle(q ? t('procedures.titleSearch', { q }) : t('procedures.title'));
  const list = usePagedList(`procedures:${q}`, (cursor, signal) =>
    api<Page<ProcedureSummary>>('GET', '/api/v1/procedures', { query: { q, cursor }, signal }));

  return (
    <>
      <h1>{t('procedures.title')}</h1>
      <ProcedureSearchForm key={q} initial={q} />
      <ProcedureResults q={q} items={list.items} loading={list.loading} error={list.error} />
      {!list.error && <LoadMore list={list} />}
    </>
  );
}

function ProcedureResults({ q, items, loading, error }: {
  q: string; items: ProcedureSummary[]; loading: boolean; error: ApiError | undefined;
}) {
  const { t } = useI18n();
  if (error?.status === 404) {
    return <Notice kind="info" title={t('procedures.unavailableTitle')}><p>{t('procedures.unavailableBody')}</p></Notice>;
  }
  if (error) return <ApiErrorNotice error={error} />;
  if (loading && !items.length) return <Loading />;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" aria-live="polite">
        {q ? t('procedures.resultsFor', { count: items.length, q }) : t('procedures.results', { count: items.length })}
      </h2>
      {!items.length && <p>{t('procedures.none')}</p>}
      <ul className="result-list">
        {items.map((item) => (
          <li key={item.code} className="result-list__item">
            <h3 className="result-list__title"><Link to={`/thu-tuc/${encodeURIComponent(item.code)}`}>{item.name}</Link></h3>
            <dl className="inline-facts">
              <div><dt>{t('procedures.code')}</dt><dd>{item.code}</dd></div>
              {item.field && <div><dt>{t('procedures.field')}</dt><dd>{item.field}</dd></div>}
              {item.level && <div><dt>{t('procedures.level')}</dt><dd>{item.level}</dd></div>}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
