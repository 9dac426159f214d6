import { api } from '../../api.ts';
import { Notice } from '../../components/Notice.tsx';
import { ErrorPage, LoadingPage } from '../../components/PageStatus.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import type { CatalogueCase, ProcedureDetail } from '../citizenTypes.ts';
import { feeText } from '../format.ts';
import { ProcedureFaq } from './ProcedureFaq.tsx';

/** One procedure as a citizen reads it: what to prepare, how long, how much, where; and the online service. */
export function ProcedurePage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const code = params.code;
  const query = useQuery(`procedure:${code}`, (signal) => api<ProcedureDetail>('GET', `/api/v1/procedures/${encodeURIComponent(code)}`, { signal }));
  if (query.error) return <ErrorPage title={t('procedure.title')} error={query.error} />;
  if (!query.data) return <LoadingPage title={t('procedure.title')} />;
  return <ProcedureView procedure={query.data} />;
}

function ProcedureView({ procedure }: { procedure: ProcedureDetail }) {
  const { t } = useI18n();
  usePageTitle(procedure.name);
  const online = procedure.channels.includes('online');
  return (
    <>
      <p><Link to="/thu-tuc" className="back-link">{t('procedure.back')}</Link></p>
      <span className="caption">{t('procedure.caption', { code: procedure.code })}</span>
      <h1>{procedure.name}</h1>
      <dl className="inline-facts">
        {procedure.field && <div><dt>{t('procedures.field')}</dt><dd>{procedure.field}</dd></div>}
        {procedure.levelText && <div><dt>{t('procedures.level')}</dt><dd>{procedure.levelText}</dd></div>}
      </dl>

      <section aria-labelledby="online-heading" className="section">
        <h2 id="online-heading">{t('procedure.onlineHeading')}</h2>
        {online ? (
          <>
            <p>{procedure.onlineLevel === 'full' ? t('procedure.onlineFull') : t('procedure.onlinePartial')}</p>
            {procedure.onlineLevel === 'partial' && procedure.onlineLevelReason && <p>{procedure.onlineLevelReason}</p>}
            <p><Link to={`/nop-truc-tuyen/${encodeURIComponent(procedure.code)}`} className="button button--start">{t('procedure.startOnline')}</Link></p>
          </>
        ) : (
          <Notice kind="info"><p>{t('procedure.notOnline')}</p></Notice>
        )}
      </section>

      {procedure.cases.map((c, index) => <CaseSection key={c.id} item={c} index={index} count={procedure.cases.length} />)}

      {procedure.results.length > 0 && (
        <section aria-labelledby="result-heading" className="section">
          <h2 id="result-heading">{t('procedure.result')}</h2>
          <ul>{procedure.results.map((r) => <li key={r.name}>{r.name}</li>)}</ul>
        </section>
      )}

      <section aria-labelledby="where-heading" className="section">
        <h2 id="where-heading">{t('procedure.where')}</h2>
        {procedure.receivingAddress && <p>{procedure.receivingAddress}</p>}
        <ul>
          {procedure.whereToSubmit.map((w) => (
            <li key={w.unitId}>{w.includeDescendants ? t('procedure.whereDescendants', { unit: w.unitName }) : w.unitName}
              {w.regardlessOfBoundary ? ` — ${t('procedure.anywhere')}` : ''}</li>
          ))}
        </ul>
      </section>

      {procedure.conditions && (
        <section aria-labelledby="conditions-heading" className="section">
          <h2 id="conditions-heading">{t('procedure.conditions')}</h2>
          <p className="pre-line">{procedure.conditions}</p>
        </section>
      )}

      <ProcedureFaq code={procedure.code} />
    </>
  );
}

function CaseSection({ item, index, count }: { item: CatalogueCase; index: number; count: number }) {
  const { t, lang } = useI18n();
  const headingId = `case-${index}`;
  const handedIn = item.documents.filter((d) => !d.presentOnly);
  const shown = item.documents.filter((d) => d.presentOnly);
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{count > 1 ? t('procedure.case', { name: item.name ?? String(index + 1) }) : t('procedure.prepare')}</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('procedure.time')}</dt>
          <dd>{item.processingTime?.label ?? item.processingText ?? t('citizen.fee.unknown')}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('procedure.fees')}</dt>
          <dd>{item.fees.length ? item.fees.map((f) => feeText(f, t, lang)).join('; ') : t('citizen.fee.free')}</dd>
        </div>
      </dl>
      {handedIn.length > 0 && (
        <>
          <h3>{t('procedure.documents')}</h3>
          <ul>{handedIn.map((d) => <li key={d.name}>{d.name}{d.required ? '' : ` (${t('procedure.ifAny')})`}</li>)}</ul>
        </>
      )}
      {shown.length > 0 && (
        <>
          <h3>{t('procedure.present')}</h3>
          <ul>{shown.map((d) => <li key={d.name}>{d.name}</li>)}</ul>
        </>
      )}
    </section>
  );
}
