import type { AuditEntry } from '../../api-types.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ApiErrorNotice, Loading } from '../../components/Notice.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isMessageKey } from '../../i18n/vi.ts';
import { Link } from '../../router.tsx';
import type { PagedState } from '../../useQuery.ts';
import { auditHref } from './AuditFilters.tsx';
import { AuditChanges } from './AuditChanges.tsx';

export function AuditTable({ list }: { list: PagedState<AuditEntry> }) {
  const { t, lang } = useI18n();
  if (list.error) return <ApiErrorNotice error={list.error} />;
  if (list.loading && !list.items.length) return <Loading />;
  if (!list.items.length) return <p>{t('audit.none')}</p>;
  const actionLabel = (action: string) => {
    const key = `audit.action.${action}`;
    return isMessageKey(key) ? t(key) : action;
  };
  return (
    <>
      <div className="table-wrap">
        <table className="table table--compact" aria-labelledby="audit-list-title">
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.subject')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((entry) => (
              <tr key={entry.id}>
                <td><time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time></td>
                <td>
                  {entry.actorId
                    ? <Link to={auditHref({ actorId: entry.actorId })} title={t('audit.filterActor')}>{entry.actorLabel}</Link>
                    : entry.actorLabel}
                </td>
                <td>{actionLabel(entry.action)}</td>
                <td>
                  <Link to={auditHref({ subjectType: entry.subjectType, subjectId: entry.subjectId })} title={t('audit.filterSubject')}>
                    {entry.subjectType} <span className="mono">{entry.subjectId.slice(0, 8)}</span>
                  </Link>
                </td>
                <td><AuditChanges entry={entry} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore list={list} />
    </>
  );
}
