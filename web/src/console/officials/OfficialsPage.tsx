import { useState, type FormEvent } from 'react';
import { api, queryString } from '../../api.ts';
import type { Official, Page, UnitDetail } from '../../api-types.ts';
import { TextField } from '../../components/fields.tsx';
import { FlashNotice } from '../../components/FlashNotice.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ApiErrorNotice, Loading } from '../../components/Notice.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { usePagedList, useQuery, type PagedState } from '../../useQuery.ts';
import { useRoles } from './useRoles.ts';

/** Officials in the administrator's reach, searchable by name or username, optionally of one unit (`?donvi=`). */
export function OfficialsPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const unitId = query.get('donvi') ?? '';
  usePageTitle(t('officials.title'));
  const unit = useQuery(`unit:${unitId}`, (signal) =>
    unitId ? api<UnitDetail>('GET', `/api/v1/units/${encodeURIComponent(unitId)}`, { signal }) : Promise.resolve(null));
  const list = usePagedList(`officials:${q}:${unitId}`, (cursor, signal) =>
    api<Page<Official>>('GET', '/api/v1/officials', { query: { q, unitId, cursor }, signal }));

  return (
    <>
      <FlashNotice />
      <h1>{t('officials.title')}</h1>
      <OfficialSearch key={q} q={q} unitId={unitId} />
      {unit.data && (
        <p>
          {t('officials.ofUnit', { unit: unit.data.unit.fullName })}{' '}
          <Link to={`/can-bo/nhan-su${queryString({ q })}`}>{t('officials.allUnits')}</Link>
        </p>
      )}
      <div className="actions">
        <Link to="/can-bo/nhan-su/them" className="button button--secondary">{t('officials.create')}</Link>
      </div>
      <h2 id="official-list-title">{q ? t('officials.searchResults', { q }) : t('officials.list')}</h2>
      <OfficialTable list={list} />
    </>
  );
}

function OfficialSearch({ q, unitId }: { q: string; unitId: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/can-bo/nhan-su${queryString({ q: text.trim(), donvi: unitId })}`);
  };
  return (
    <form role="search" className="filters" onSubmit={submit} aria-label={t('officials.searchLabel')}>
      <TextField id="official-search" label={t('officials.search')} type="search" value={text}
        onChange={(event) => setText(event.target.value)} />
      <button type="submit" className="button">{t('search.submit')}</button>
    </form>
  );
}

function OfficialTable({ list }: { list: PagedState<Official> }) {
  const { t, pick } = useI18n();
  const roles = useRoles();
  const roleLabel = (role: string) => {
    const info = roles.data?.find((r) => r.role === role);
    return info ? pick(info.label, info.labelEn) : role;
  };
  if (list.error) return <ApiErrorNotice error={list.error} />;
  if (list.loading && !list.items.length) return <Loading />;
  if (!list.items.length) return <p>{t('officials.none')}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="table" aria-labelledby="official-list-title">
          <thead>
            <tr>
              <th scope="col">{t('officials.fullName')}</th>
              <th scope="col">{t('officials.username')}</th>
              <th scope="col">{t('officials.unit')}</th>
              <th scope="col">{t('officials.grants')}</th>
              <th scope="col">{t('officials.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((official) => (
              <tr key={official.id}>
                <td><Link to={`/can-bo/nhan-su/${official.id}`}>{official.fullName}</Link></td>
                <td>{official.username}</td>
                <td>{official.unitName}</td>
                <td>{[...new Set(official.grants.map((grant) => roleLabel(grant.role)))].join(', ') || '—'}</td>
                <td>{official.active ? t('officials.activeYes') : <strong className="tag tag--grey">{t('officials.activeNo')}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore list={list} />
    </>
  );
}
