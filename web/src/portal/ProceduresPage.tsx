import { useState, type FormEvent } from 'react';
import { api, queryString, type ApiError } from '../api.ts';
import type { Page } from '../api-types.ts';
import { Radio, SelectField } from '../components/fields.tsx';
import { LoadMore } from '../components/LoadMore.tsx';
import { ApiErrorNotice, Loading, Notice } from '../components/Notice.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { durationText, levelKey, onlineKey } from '../console/catalog/labels.ts';
import { procedureLevels, type FieldCount, type ProcedureLevel, type ProcedureListItem } from '../console/catalog/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { usePagedList, useQuery } from '../useQuery.ts';
import { ProcedureSearchForm } from './ProcedureSearchForm.tsx';
import '../console/catalog/catalog.css';

/** What the catalogue page shows: the words searched and the filters, all kept in the address (shareable). */
interface Browse {
  q: string;
  field: string;
  level: ProcedureLevel | '';
  online: 'full' | 'partial' | '';
}

/** Address parameters (short Vietnamese names, like the page addresses). */
const params = { field: 'linh-vuc', level: 'cap', online: 'truc-tuyen' } as const;

function browseFrom(query: URLSearchParams): Browse {
  const level = query.get(params.level) ?? '';
  const online = query.get(params.online) ?? '';
  return {
    q: query.get('q') ?? '',
    field: query.get(params.field) ?? '',
    level: (procedureLevels as readonly string[]).includes(level) ? level as ProcedureLevel : '',
    online: online === 'full' || online === 'partial' ? online : '',
  };
}

function cataloguePath(browse: Partial<Browse>): string {
  return `/thu-tuc${queryString({ q: browse.q, [params.field]: browse.field, [params.level]: browse.level, [params.online]: browse.online })}`;
}

export function ProceduresPage() {
  const { t } = useI18n();
  const location = useLocation();
  const browse = browseFrom(location.query);
  usePageTitle(browse.q ? t('procedures.titleSearch', { q: browse.q }) : t('procedures.title'));
  const list = usePagedList(`procedures:${location.search}`, (cursor, signal) =>
    api<Page<ProcedureListItem>>('GET', '/api/v1/procedures', {
      query: { q: browse.q, field: browse.field, level: browse.level, online: browse.online, cursor, limit: 20 }, signal,
    }));
  const fields = useQuery(`procedure-fields:${browse.level}`, (signal) =>
    api<{ items: FieldCount[] }>('GET', '/api/v1/procedure-fields', { query: { level: browse.level }, signal }));
  const filtered = Boolean(browse.field || browse.level || browse.online);

  return (
    <>
      <h1>{t('procedures.title')}</h1>
      <ProcedureSearchForm key={browse.q} initial={browse.q} />
      <div className="catalogue">
        <div className="catalogue__filters">
          <CatalogueFilters key={location.search} browse={browse} fields={fields.data?.items ?? []} />
        </div>
        <div className="catalogue__results">
          {!browse.q && !filtered && fields.data && fields.data.items.length > 0 && <FieldBrowser fields={fields.data.items} />}
          <ProcedureResults browse={browse} filtered={filtered} items={list.items} loading={list.loading} error={list.error} />
          {!list.error && <LoadMore list={list} />}
        </div>
      </div>
    </>
  );
}

/** Field (with how many procedures it has), level and online level; the words searched are kept. */
function CatalogueFilters({ browse, fields }: { browse: Browse; fields: FieldCount[] }) {
  const { t } = useI18n();
  const [values, setValues] = useState(browse);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(cataloguePath(values));
  };
  // A field chosen before the list of fields arrived (a shared link) is still offered.
  const fieldOptions = fields.some((f) => f.field === values.field) || !values.field ? fields : [{ field: values.field, count: 0 }, ...fields];
  return (
    <form className="filters" onSubmit={submit} aria-labelledby="catalogue-filters-title">
      <h2 id="catalogue-filters-title" className="filters__title">{t('procedures.filtersTitle')}</h2>
      <SelectField id="catalogue-field" label={t('procedures.field')} value={values.field}
        onChange={(event) => setValues({ ...values, field: event.target.value })}
        options={[{ value: '', label: t('procedures.allFields') },
          ...fieldOptions.map((f) => ({ value: f.field, label: f.count ? t('procedures.fieldCount', { field: f.field, count: f.count }) : f.field }))]} />
      <SelectField id="catalogue-level" label={t('procedures.level')} value={values.level}
        onChange={(event) => setValues({ ...values, level: event.target.value as Browse['level'] })}
        options={[{ value: '', label: t('procedures.allLevels') }, ...procedureLevels.map((level) => ({ value: level, label: t(levelKey(level)) }))]} />
      <div className="form-group">
        <fieldset className="fieldset">
          <legend className="legend">{t('procedures.onlineFilter')}</legend>
          <div className="radios radios--small">
            {(['', 'full', 'partial'] as const).map((online) => (
              <Radio key={online || 'all'} id={`catalogue-online-${online || 'all'}`} name="catalogue-online" checked={values.online === online}
                label={online ? t(onlineKey(online)) : t('procedures.onlineAny')} onChange={() => setValues({ ...values, online })} />
            ))}
          </div>
        </fieldset>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button">{t('procedures.applyFilters')}</button>
        {(browse.field || browse.level || browse.online) && <Link to={cataloguePath({ q: browse.q })}>{t('procedures.clearFilters')}</Link>}
      </div>
    </form>
  );
}

function FieldBrowser({ fields }: { fields: FieldCount[] }) {
  const { t } = useI18n();
  return (
    <nav aria-labelledby="field-browser-title" className="field-browser">
      <h2 id="field-browser-title">{t('procedures.browseByField')}</h2>
      <ul className="field-browser__list">
        {fields.map((f) => (
          <li key={f.field}>
            <Link to={cataloguePath({ field: f.field })}>{f.field}</Link>{' '}
            <span className="field-browser__count">({t('procedures.count', { count: f.count })})</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ProcedureResults({ browse, filtered, items, loading, error }: {
  browse: Browse; filtered: boolean; items: ProcedureListItem[]; loading: boolean; error: ApiError | undefined;
}) {
  const { t } = useI18n();
  if (error?.status === 404) {
    return <Notice kind="info" title={t('procedures.unavailableTitle')}><p>{t('procedures.unavailableBody')}</p></Notice>;
  }
  if (error) return <ApiErrorNotice error={error} />;
  if (loading && !items.length) return <Loading />;
  const { q } = browse;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" aria-live="polite">
        {q ? t('procedures.resultsFor', { count: items.length, q }) : t('procedures.results', { count: items.length })}
      </h2>
      {filtered && <p className="hint">{activeFilters(browse, t)}</p>}
      {!items.length && <p>{t('procedures.none')}</p>}
      <ul className="result-list">
        {items.map((item) => <ProcedureItem key={item.code} item={item} />)}
      </ul>
    </section>
  );
}

function activeFilters(browse: Browse, t: ReturnType<typeof useI18n>['t']): string {
  const parts = [
    browse.field && `${t('procedures.field')}: ${browse.field}`,
    browse.level && `${t('procedures.level')}: ${t(levelKey(browse.level))}`,
    browse.online && t(onlineKey(browse.online)),
  ].filter(Boolean);
  return t('procedures.filteredBy', { filters: parts.join('; ') });
}

function ProcedureItem({ item }: { item: ProcedureListItem }) {
  const { t } = useI18n();
  const time = item.processingTime;
  return (
    <li className="result-list__item">
      <h3 className="result-list__title"><Link to={`/thu-tuc/${encodeURIComponent(item.code)}`}>{item.name}</Link></h3>
      <dl className="inline-facts">
        <div><dt>{t('procedures.code')}</dt><dd>{item.code}</dd></div>
        {item.field && <div><dt>{t('procedures.field')}</dt><dd>{item.field}</dd></div>}
        {item.level && <div><dt>{t('procedures.level')}</dt><dd>{item.level}</dd></div>}
        {time && (
          <div>
            <dt>{t('procedure.time')}</dt>
            <dd>{durationText(time, t)}{time.variesByCase ? ` (${t('procedures.variesByCase')})` : ''}</dd>
          </div>
        )}
      </dl>
      {(item.onlineLevel !== 'unknown' || item.onTheSpot) && (
        <p className="result-list__tags">
          {item.onlineLevel !== 'unknown' && <strong className="tag tag--online">{t(onlineKey(item.onlineLevel))}</strong>}
          {item.onTheSpot && <strong className="tag tag--grey">{t('procedures.onTheSpot')}</strong>}
        </p>
      )}
    </li>
  );
}
