import { api } from '../../api.ts';
import type { AuditEntry, Page } from '../../api-types.ts';
import { startOfNextVietnamDay, startOfVietnamDay } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useLocation } from '../../router.tsx';
import { usePagedList } from '../../useQuery.ts';
import { AuditFilters, filtersFromQuery, type AuditFilterValues } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';

/** Entries are dense: a short first page loads fast, "load more" brings the next. */
const pageSize = 25;

/** The audit log, newest first; filters live in the address so a filtered view can be shared or bookmarked. */
export function AuditPage() {
  const { t } = useI18n();
  const { query, search } = useLocation();
  const filters = filtersFromQuery(query);
  const list = usePagedList(`audit:${search}`, (cursor, signal) =>
    api<Page<AuditEntry>>('GET', '/api/v1/audit', { query: { ...apiQuery(filters), cursor, limit: pageSize }, signal }));

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.lead')}</p>
      <AuditFilters key={search} initial={filters} />
      <h2 id="audit-list-title">{t('audit.entries')}</h2>
      <AuditTable list={list} />
    </>
  );
}

function apiQuery(filters: AuditFilterValues) {
  return {
    subjectType: filters.subjectType,
    subjectId: filters.subjectId,
    actorId: filters.actorId,
    from: filters.from ? startOfVietnamDay(filters.from) : undefined,
    to: filters.to ? startOfNextVietnamDay(filters.to) : undefined,
  };
}
