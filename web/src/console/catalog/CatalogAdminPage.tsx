import { useState, type FormEvent } from 'react';
import { api, queryString } from '../../api.ts';
import type { Page } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { FlashNotice } from '../../components/FlashNotice.tsx';
import { useFormErrors } from '../../components/formErrors.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ApiErrorNotice, Loading } from '../../components/Notice.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { usePagedList, useQuery, type PagedState } from '../../useQuery.ts';
import { durationText, levelKey, onlineKey } from './labels.ts';
import { adminProcedurePath, catalogAdminPath } from './paths.ts';
import { onlineLevels, procedureLevels, type FieldCount, type ProcedureListItem } from './types.ts';
import './catalog.css';

interface Filters {
  q: string;
  field: string;
  level: string;
  online: string;
}

const params: Record<keyof Filters, string> = { q: 'q', field: 'linh-vuc', level: 'cap', online: 'truc-tuyen' };

function filtersFrom(query: URLSearchParams): Filters {
  return { q: query.get(params.q) ?? '', field: query.get(params.field) ?? '', level: query.get(params.level) ?? '', online: query.get(params.online) ?? '' };
}

function listPath(filters: Filters): string {
  return `${catalogAdminPath}${queryString(Object.fromEntries(Object.entries(filters).map(([k, v]) => [params[k as keyof Filters], v.trim()])))}`;
}

/**
 * The catalogue for administrators: the procedures in force (searched and filtered like the portal), a way to open
 * any procedure by its code (drafts included), and the ways in: add, import, workflows.
 */
export function CatalogAdminPage() {
  const { t } = useI18n();
  const { query, search } = useLocation();
  const filters = filtersFrom(query);
  usePageTitle(t('catalog.title'));
  const fields = useQuery('catalog-fields', (signal) => api<{ items: FieldCount[] }>('GET', '/api/v1/procedure-fields', { signal }));
  const list = usePagedList(`catalog-admin:${search}`, (cursor, signal) =>
    api<Page<ProcedureListItem>>('GET', '/api/v1/procedures', {
      query: { q: filters.q, field: filters.field, level: filters.level, online: filters.online, cursor, limit: 50 }, signal,
    }));

  return (
    <>
      <FlashNotice />
      <h1>{t('catalog.title')}</h1>
      <ul className="actions actions--links">
        <li><Link to={`${catalogAdminPath}/them`} className="button">{t('catalog.create')}</Link></li>
        <li><Link to={`${catalogAdminPath}/nhap`} className="button button--secondary">{t('catalog.import')}</Link></li>
        <li><Link to={`${catalogAdminPath}/quy-trinh`} className="button button--secondary">{t('catalog.workflows')}</Link></li>
      </ul>
      <OpenByCode />
      <h2>{t('catalog.inForce')}</h2>
      <CatalogFilters key={search} initial={filters} fields={fields.data?.items ?? []} />
      <ProcedureTable list={list} />
    </>
  );
}

const ids = { code: 'open-code' };

/** Drafts are not in the public list: an administrator opens one by its code. */
function OpenByCode() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const { errors, showProblems } = useFormErrors(ids);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (showProblems(code.trim() ? [] : [[ids.code, 'catalog.openCodeMissing']])) return;
    navigate(adminProcedurePath(code.trim()));
  };
  return (
    <form className="filters open-code" onSubmit={submit} noValidate aria-labelledby="open-code-title">
      <h2 id="open-code-title" className="filters__title">{t('catalog.openTitle')}</h2>
      <ErrorSummary items={errors.summary} />
      <TextField id={ids.code} label={t('catalog.openCode')} hint={t('catalog.openCodeHint')} width="half" spellCheck={false}
        error={errors.byField[ids.code]} value={code} onChange={(event) => setCode(event.target.value)} />
      <button type="submit" className="button button--secondary">{t('catalog.open')}</button>
    </form>
  );
}

function CatalogFilters({ initial, fields }: { initial: Filters; fields: FieldCount[] }) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(listPath(values));
  };
  return (
    <form role="search" className="filters filters--grid" onSubmit={submit} aria-label={t('catalog.filtersLabel')}>
      <TextField id="catalog-q" type="search" label={t('search.label')} hint={t('search.hint')} value={values.q} onChange={set('q')} />
      <SelectField id="catalog-field" label={t('procedures.field')} value={values.field} onChange={set('field')}
        options={[{ value: '', label: t('procedures.allFields') },
          ...fields.map((f) => ({ value: f.field, label: t('procedures.fieldCount', { field: f.field, count: f.count }) }))]} />
      <SelectField id="catalog-level" label={t('procedures.level')} value={values.level} onChange={set('level')}
        options={[{ value: '', label: t('procedures.allLevels') }, ...procedureLevels.map((l) => ({ value: l, label: t(levelKey(l)) }))]} />
      <SelectField id="catalog-online" label={t('catalog.onlineLevel')} value={values.online} onChange={set('online')}
        options={[{ value: '', label: t('procedures.onlineAny') }, ...onlineLevels.map((o) => ({ value: o, label: t(onlineKey(o)) }))]} />
      <div className="filters__actions">
        <button type="submit" className="button">{t('search.submit')}</button>
        {Object.values(initial).some(Boolean) && <Link to={catalogAdminPath}>{t('procedures.clearFilters')}</Link>}
      </div>
    </form>
  );
}

function ProcedureTable({ list }: { list: PagedState<ProcedureListItem> }) {
  const { t } = useI18n();
  if (list.error) return <ApiErrorNotice error={list.error} />;
  if (list.loading && !list.items.length) return <Loading />;
  if (!list.items.length) return <p>{t('procedures.none')}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('catalog.inForce')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('procedures.code')}</th>
              <th scope="col">{t('catalog.name')}</th>
              <th scope="col">{t('procedures.field')}</th>
              <th scope="col">{t('catalog.onlineLevel')}</th>
              <th scope="col">{t('procedure.time')}</th>
              <th scope="col">{t('catalog.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.id}>
                <td className="nowrap">{item.code}</td>
                <td><Link to={adminProcedurePath(item.code)}>{item.name}</Link></td>
                <td>{item.field ?? '—'}</td>
                <td>{t(onlineKey(item.onlineLevel))}</td>
                <td>{item.processingTime ? durationText(item.processingTime, t) : <strong>{t('catalog.timeMissing')}</strong>}</td>
                <td>{t('catalog.status.published')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore list={list} />
    </>
  );
}
