import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import type { Problem } from '../../components/formErrors.ts';
import { FlashNotice } from '../../components/FlashNotice.tsx';
import { Notice } from '../../components/Notice.tsx';
import { ErrorPage, LoadingPage } from '../../components/PageStatus.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { setFlash } from '../../flash.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import { Link, navigate } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import { CaseEditor } from './CaseEditor.tsx';
import { actionIds, caseIds, locateInCase, locateInProcedure } from './ids.ts';
import { InfoForm } from './InfoForm.tsx';
import { statusKey } from './labels.ts';
import { Offerings, type OfferingCommands } from './Offerings.tsx';
import { catalogAdminPath } from './paths.ts';
import { ProcedureActions, type LifecycleCommands } from './ProcedureActions.tsx';
import { CaseFacts, ProcedureFacts } from './ProcedureFacts.tsx';
import { fieldPath, isStale, usePageProblems, type Locate } from './problems.ts';
import type { FieldCount, ProcedureAdminDetail, VersionSummary, Workflow } from './types.ts';
import { VersionHistory } from './VersionHistory.tsx';
import './catalog.css';

const procedureUrl = (code: string) => `/api/v1/procedures/${encodeURIComponent(code)}`;

/**
 * What an administrator edits: the draft when there is one (the API shows the version in force first, so the
 * draft is looked up among the versions), otherwise the version in force.
 */
async function loadEditable(code: string, signal: AbortSignal): Promise<ProcedureAdminDetail> {
  const shown = await api<ProcedureAdminDetail>('GET', procedureUrl(code), { signal });
  if (!shown.hasDraft || shown.versionStatus === 'draft' || !shown.abilities.manage) return shown;
  const versions = await api<{ items: VersionSummary[] }>('GET', `${procedureUrl(code)}/versions`, { signal });
  const draft = versions.items.find((v) => v.status === 'draft');
  return draft ? api<ProcedureAdminDetail>('GET', `${procedureUrl(code)}/versions/${draft.number}`, { signal }) : shown;
}

export function ProcedureAdminPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const code = params.code;
  const query = useQuery(`catalog-procedure:${code}`, (signal) => loadEditable(code, signal));
  if (query.error) return <ErrorPage title={t('catalog.procedureTitle')} error={query.error} />;
  if (!query.data) return <LoadingPage title={t('catalog.procedureTitle')} />;
  // Keyed by what was loaded: after "reload the latest data" every form starts again from what is stored now.
  return <ProcedureEditor key={`${query.data.versionId}:${query.data.version}`} initial={query.data} reload={query.reload} />;
}

interface Success {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

function ProcedureEditor({ initial, reload }: { initial: ProcedureAdminDetail; reload: () => void }) {
  const { t } = useI18n();
  const [detail, setDetail] = useState(initial);
  const [stale, setStale] = useState(false);
  const [success, setSuccess] = useState<Success | null>(null);
  const problems = usePageProblems();
  const { errors } = problems;
  usePageTitle(detail.name, errors.any);
  const workflows = useQuery('catalog-workflows', (signal) => api<{ items: Workflow[] }>('GET', '/api/v1/workflows', { signal }));
  const fields = useQuery('catalog-fields', (signal) => api<{ items: FieldCount[] }>('GET', '/api/v1/procedure-fields', { signal }));
  // Commands read the newest detail (its version) even when they were created by an earlier render.
  const latest = useRef(detail);
  latest.current = detail;
  // After adding or removing a case, focus goes to the new case or back to "add a case" (an object: same id again).
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (focusTarget) document.getElementById(focusTarget.id)?.focus();
  }, [focusTarget]);
  const url = procedureUrl(detail.code);

  /** Sends one change with the version read; the answer is the procedure as stored now. */
  async function change(send: (version: number) => Promise<ProcedureAdminDetail | null>, locate: Locate, done?: Success): Promise<boolean> {
    setSuccess(null);
    try {
      const next = await send(latest.current.version);
      if (next) {
        latest.current = next;
        setDetail(next);
      }
      problems.clear();
      setStale(false);
      if (done) setSuccess(done);
      return true;
    } catch (cause) {
      setStale(isStale(cause));
      problems.showApiError(cause, locate);
      return false;
    }
  }
  /** Problems found before sending: an earlier success message would contradict them. */
  const check = (found: Problem[]) => {
    const bad = problems.showProblems(found);
    if (bad) setSuccess(null);
    return bad;
  };
  const inProcedure: Locate = (field) => locateInProcedure(field, latest.current.cases);

  const saveInfo = (body: Record<string, unknown>) =>
    change((version) => api<ProcedureAdminDetail>('PATCH', url, { body: { version, ...body } }), inProcedure);
  const saveCase = (key: string, body: Record<string, unknown>) =>
    change((version) => api<ProcedureAdminDetail>('PATCH', `${url}/cases/${key}`, { body: { version, ...body } }),
      (field) => locateInCase(key, fieldPath(field)));
  const addCase = async () => {
    const ok = await change((version) => api<ProcedureAdminDetail>('POST', `${url}/cases`, { body: { version } }), inProcedure);
    const added = latest.current.cases[latest.current.cases.length - 1];
    if (ok && added) setFocusTarget({ id: caseIds(added.key).name });
  };
  const removeCase = async (key: string) => {
    const ok = await change(
      (version) => api<ProcedureAdminDetail>('DELETE', `${url}/cases/${key}`, { query: { version } }), inProcedure, { key: 'catalog.caseRemoved' });
    // The removed case's button is gone: keep the keyboard user in the list of cases.
    if (ok) setFocusTarget({ id: actionIds.addCase });
    return ok;
  };

  const lifecycle: LifecycleCommands = {
    publish: (effectiveFrom, decisionNumber) => change(
      (version) => api<ProcedureAdminDetail>('POST', `${url}/publish`, { body: { version, effectiveFrom, decisionNumber: decisionNumber || undefined } }),
      (field) => (field === 'decisionNumber' ? actionIds.publishDecision : inProcedure(field)),
      { key: 'catalog.publishedNotice', vars: { n: latest.current.versionNumber, date: formatDate(effectiveFrom) } }),
    amend: () => change((version) => api<ProcedureAdminDetail>('POST', `${url}/amend`, { body: { version } }), inProcedure,
      { key: 'catalog.amendedNotice' }),
    abolish: (abolishedOn, decisionNumber) => change(
      (version) => api<ProcedureAdminDetail>('POST', `${url}/abolish`, { body: { version, abolishedOn, decisionNumber } }),
      (field) => (field === 'abolishedOn' ? actionIds.abolishOn : field === 'decisionNumber' ? actionIds.abolishDecision : undefined),
      { key: 'catalog.abolishedNotice', vars: { date: formatDate(abolishedOn) } }),
    discard: () => change(async (version) => {
      const result = await api<{ deleted: boolean }>('DELETE', `${url}/draft`, { query: { version } });
      if (result.deleted) {
        setFlash('catalog.deletedNotice', { code: latest.current.code });
        navigate(catalogAdminPath);
      } else {
        setFlash('catalog.discardedNotice');
        reload();
      }
      return null;
    }, inProcedure),
  };

  const offerings: OfferingCommands = {
    offer: (unitId, includeDescendants, regardlessOfBoundary) => change(async () => {
      await api('PUT', `${url}/units/${unitId}`, { body: { includeDescendants, regardlessOfBoundary } });
      return { ...latest.current, whereToSubmit: (await api<ProcedureAdminDetail>('GET', url)).whereToSubmit };
    }, () => `${actionIds.offerUnit}-search`),
    withdraw: (unitId) => change(async () => {
      await api('DELETE', `${url}/units/${unitId}`);
      return { ...latest.current, whereToSubmit: latest.current.whereToSubmit.filter((o) => o.unitId !== unitId) };
    }, () => undefined),
  };

  const editable = detail.abilities.manage && detail.versionStatus === 'draft';
  const fieldNames = fields.data?.items.map((f) => f.field) ?? [];
  return (
    <>
      <p><Link to={catalogAdminPath} className="back-link">{t('catalog.backToList')}</Link></p>
      <ErrorSummary items={errors.summary} />
      <FlashNotice />
      {success && <Notice kind="success"><p>{t(success.key, success.vars)}</p></Notice>}
      <span className="caption">{t('procedure.caption', { code: detail.code })}</span>
      <h1>{detail.name}</h1>
      <StatusLine detail={detail} />
      {stale && (
        <Notice kind="info">
          <p>{t('catalog.staleHelp')}</p>
          <button type="button" className="button button--secondary" onClick={reload}>{t('common.reloadLatest')}</button>
        </Notice>
      )}
      <ProcedureActions detail={detail} errors={errors.byField} check={check} commands={lifecycle} />
      <nav aria-labelledby="contents-heading" className="contents">
        <h2 id="contents-heading" className="contents__title">{t('catalog.contents')}</h2>
        <ul>
          <li><a href="#info-heading">{t('catalog.info')}</a></li>
          <li><a href="#cases-heading">{t('catalog.cases')}</a></li>
          <li><a href="#offerings-heading">{t('catalog.offerings')}</a></li>
          <li><a href="#versions-heading">{t('catalog.versions')}</a></li>
        </ul>
      </nav>

      <section aria-labelledby="info-heading">
        <h2 id="info-heading">{t('catalog.info')}</h2>
        {editable
          ? <InfoForm key={detail.versionId} detail={detail} fields={fieldNames} errors={errors.byField} check={check} save={saveInfo} />
          : <ProcedureFacts detail={detail} />}
      </section>

      <section aria-labelledby="cases-heading">
        <h2 id="cases-heading">{t('catalog.cases')}</h2>
        {editable && <p className="hint">{t('catalog.casesHint')}</p>}
        {detail.cases.length === 0 && <p>{t('catalog.noCases')}</p>}
        {detail.cases.map((item, index) => (editable
          ? <CaseEditor key={`${detail.versionId}:${item.key}`} item={item} index={index} workflows={workflows.data?.items ?? []}
              errors={errors.byField} check={check} save={saveCase} remove={removeCase} />
          : <CaseFacts key={item.key} item={item} index={index} />))}
        {editable && (
          <button type="button" id={actionIds.addCase} className="button button--secondary" onClick={() => void addCase()}>
            {t('catalog.caseAdd')}
          </button>
        )}
      </section>

      <section aria-labelledby="offerings-heading">
        <h2 id="offerings-heading">{t('catalog.offerings')}</h2>
        <Offerings offerings={detail.whereToSubmit} errors={errors.byField} check={check} commands={offerings} />
      </section>

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('catalog.versions')}</h2>
        <VersionHistory code={detail.code} stamp={detail.version} shownVersionId={detail.versionId} />
      </section>
    </>
  );
}

function StatusLine({ detail }: { detail: ProcedureAdminDetail }) {
  const { t } = useI18n();
  const status = detail.status === 'published' && detail.versionStatus === 'draft' ? 'catalog.statusAmending' : statusKey(detail.status);
  return (
    <dl className="inline-facts status-line">
      <div><dt>{t('catalog.status')}</dt><dd><strong className={`tag tag--${detail.status}`}>{t(status)}</strong></dd></div>
      <div>
        <dt>{t('catalog.shownVersion')}</dt>
        <dd>{t('catalog.versionN', { n: detail.versionNumber })} ({t(statusKey(detail.versionStatus))})</dd>
      </div>
      {detail.effectiveFrom && (
        <div>
          <dt>{t('catalog.period')}</dt>
          <dd>{detail.effectiveTo
            ? t('catalog.periodClosed', { from: formatDate(detail.effectiveFrom), to: formatDate(detail.effectiveTo) })
            : t('catalog.periodOpen', { from: formatDate(detail.effectiveFrom) })}</dd>
        </div>
      )}
      {detail.status !== 'draft' && <div><dt>{t('catalog.publicPage')}</dt><dd><Link to={`/thu-tuc/${encodeURIComponent(detail.code)}`}>{t('catalog.publicPageLink')}</Link></dd></div>}
    </dl>
  );
}
