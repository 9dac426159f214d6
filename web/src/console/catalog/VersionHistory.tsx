import { api } from '../../api.ts';
import { ApiErrorNotice, Loading } from '../../components/Notice.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import { statusKey } from './labels.ts';
import { versionPath } from './paths.ts';
import type { VersionSummary } from './types.ts';

/** Every version of the procedure, newest first; `stamp` changes after each change so the list is read again. */
export function VersionHistory({ code, stamp, shownVersionId }: { code: string; stamp: number; shownVersionId: string }) {
  const { t, lang } = useI18n();
  const versions = useQuery(`catalog-versions:${code}:${stamp}`, (signal) =>
    api<{ items: VersionSummary[] }>('GET', `/api/v1/procedures/${encodeURIComponent(code)}/versions`, { signal }));
  if (versions.error) return <ApiErrorNotice error={versions.error} />;
  if (!versions.data) return <Loading />;
  const items = [...versions.data.items].sort((a, b) => b.number - a.number);
  const period = (v: VersionSummary) => {
    if (!v.effectiveFrom) return '—';
    return v.effectiveTo
      ? t('catalog.periodClosed', { from: formatDate(v.effectiveFrom), to: formatDate(v.effectiveTo) })
      : t('catalog.periodOpen', { from: formatDate(v.effectiveFrom) });
  };
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('catalog.versions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalog.version')}</th>
            <th scope="col">{t('catalog.status')}</th>
            <th scope="col">{t('catalog.period')}</th>
            <th scope="col">{t('catalog.decisionNumber')}</th>
            <th scope="col">{t('catalog.publishedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((v) => (
            <tr key={v.id}>
              <td>
                <Link to={versionPath(code, v.number)}>{t('catalog.versionN', { n: v.number })}</Link>
                {v.id === shownVersionId && <> <strong className="tag tag--grey">{t('catalog.shownHere')}</strong></>}
              </td>
              <td>{t(statusKey(v.status))}</td>
              <td>{period(v)}</td>
              <td>{v.decisionNumber ?? '—'}</td>
              <td>{v.publishedAt ? formatDateTime(v.publishedAt, lang) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
