import { api } from '../../api.ts';
import { ErrorPage, LoadingPage } from '../../components/PageStatus.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import { statusKey } from './labels.ts';
import { adminProcedurePath } from './paths.ts';
import { CaseFacts, ProcedureFacts } from './ProcedureFacts.tsx';
import type { ProcedureAdminDetail } from './types.ts';
import './catalog.css';

/** One version of a procedure exactly as it was (or is, for a draft): read-only. */
export function ProcedureVersionPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const { code, number } = params;
  const title = t('catalog.versionTitle', { n: number, code });
  const query = useQuery(`catalog-version:${code}:${number}`, (signal) =>
    api<ProcedureAdminDetail>('GET', `/api/v1/procedures/${encodeURIComponent(code)}/versions/${encodeURIComponent(number)}`, { signal }));
  if (query.error) return <ErrorPage title={title} error={query.error} />;
  if (!query.data) return <LoadingPage title={title} />;
  return <VersionView detail={query.data} />;
}

function VersionView({ detail }: { detail: ProcedureAdminDetail }) {
  const { t } = useI18n();
  usePageTitle(t('catalog.versionTitle', { n: detail.versionNumber, code: detail.code }));
  return (
    <>
      <p><Link to={adminProcedurePath(detail.code)} className="back-link">{t('catalog.backToProcedure', { code: detail.code })}</Link></p>
      <span className="caption">{t('catalog.versionCaption', { n: detail.versionNumber, code: detail.code })}</span>
      <h1>{detail.name}</h1>
      <dl className="inline-facts status-line">
        <div><dt>{t('catalog.status')}</dt><dd>{t(statusKey(detail.versionStatus))}</dd></div>
        <div>
          <dt>{t('catalog.period')}</dt>
          <dd>{!detail.effectiveFrom ? '—' : detail.effectiveTo
            ? t('catalog.periodClosed', { from: formatDate(detail.effectiveFrom), to: formatDate(detail.effectiveTo) })
            : t('catalog.periodOpen', { from: formatDate(detail.effectiveFrom) })}</dd>
        </div>
      </dl>
      <h2>{t('catalog.info')}</h2>
      <ProcedureFacts detail={detail} />
      <h2>{t('catalog.cases')}</h2>
      {detail.cases.map((item, index) => <CaseFacts key={item.key} item={item} index={index} />)}
    </>
  );
}
