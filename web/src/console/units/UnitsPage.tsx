import { api, queryString } from '../../api.ts';
import type { Page, Unit, UnitDetail } from '../../api-types.ts';
import { FlashNotice } from '../../components/FlashNotice.tsx';
import { ApiErrorNotice } from '../../components/Notice.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, useLocation } from '../../router.tsx';
import { usePagedList, useQuery } from '../../useQuery.ts';
import { UnitSearchForm } from './UnitSearchForm.tsx';
import { UnitTable } from './UnitTable.tsx';

/** Browse the unit tree one level at a time (`?cha=`), or search it by name (`?q=`), optionally at a past date. */
export function UnitsPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const parentId = query.get('cha') ?? '';
  const q = query.get('q') ?? '';
  const at = query.get('ngay') ?? '';
  usePageTitle(t('units.title'));

  const parent = useQuery(`unit:${parentId}`, (signal) =>
    parentId ? api<UnitDetail>('GET', `/api/v1/units/${encodeURIComponent(parentId)}`, { signal }) : Promise.resolve(null));
  const list = usePagedList(`units:${parentId}:${q}:${at}`, (cursor, signal) =>
    api<Page<Unit>>('GET', '/api/v1/units', { query: q ? { q, at, cursor } : { parentId, at, cursor }, signal }));

  const parentUnit = parent.data?.unit;
  const addLink = `/can-bo/don-vi/them${queryString({ cha: parentId })}`;
  return (
    <>
      <FlashNotice />
      <h1>{t('units.title')}</h1>
      <UnitSearchForm key={`${q}:${at}`} q={q} at={at} parentId={parentId} />
      {!q && <Breadcrumb detail={parent.data ?? null} at={at} />}
      {parent.error && <ApiErrorNotice error={parent.error} />}
      <div className="actions">
        {!q && (
          <Link to={addLink} className="button button--secondary">
            {parentUnit ? t('units.addChild', { parent: parentUnit.fullName }) : t('units.createRoot')}
          </Link>
        )}
      </div>
      <h2 id="unit-list-title">
        {q ? t('units.searchResults', { q }) : parentUnit ? t('units.childrenOf', { parent: parentUnit.fullName }) : t('units.topLevelList')}
      </h2>
      <UnitTable list={list} at={at} captionId="unit-list-title" />
    </>
  );
}

function Breadcrumb({ detail, at }: { detail: UnitDetail | null; at: string }) {
  const { t } = useI18n();
  if (!detail) return null;
  const trail = [...detail.ancestors, detail.unit];
  const href = (id: string | null) => `/can-bo/don-vi${queryString({ cha: id, ngay: at })}`;
  return (
    <nav aria-label={t('units.breadcrumb')} className="breadcrumbs">
      <ol>
        <li><Link to={href(null)}>{t('units.topLevelList')}</Link></li>
        {trail.map((unit, index) => (
          <li key={unit.id}>
            {index === trail.length - 1
              ? <span aria-current="page">{unit.fullName}</span>
              : <Link to={href(unit.id)}>{unit.fullName}</Link>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
