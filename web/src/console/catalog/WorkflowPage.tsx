import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import { FlashNotice } from '../../components/FlashNotice.tsx';
import { Notice } from '../../components/Notice.tsx';
import { ErrorPage, LoadingPage } from '../../components/PageStatus.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import { Link, useLocation } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import { statusKey } from './labels.ts';
import { workflowPath, workflowsPath } from './paths.ts';
import { isStale, usePageProblems, type PageProblems } from './problems.ts';
import { locateStep, stepRows, stepsFromRows, StepsEditor, type StepRow } from './StepsEditor.tsx';
import type { Workflow, WorkflowDetail, WorkflowVersion } from './types.ts';
import { WorkflowDiagram, WorkflowStepsTable } from './WorkflowSteps.tsx';
import './catalog.css';

/** A workflow: its versions, the steps of the one chosen (`?phien-ban=`), and the draft being edited. */
export function WorkflowPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const query = useQuery(`catalog-workflow:${params.id}`, (signal) =>
    api<WorkflowDetail>('GET', `/api/v1/workflows/${encodeURIComponent(params.id)}`, { signal }));
  const problems = usePageProblems();
  const [success, setSuccess] = useState<MessageKey | null>(null);
  if (query.error) return <ErrorPage title={t('catalog.workflowTitle')} error={query.error} />;
  if (!query.data) return <LoadingPage title={t('catalog.workflowTitle')} />;
  return <WorkflowView data={query.data} reload={query.reload} problems={problems} success={success} setSuccess={setSuccess} />;
}

function WorkflowView({ data, reload, problems, success, setSuccess }: {
  data: WorkflowDetail; reload: () => void; problems: PageProblems; success: MessageKey | null; setSuccess: (key: MessageKey | null) => void;
}) {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const { workflow, versions } = data;
  usePageTitle(workflow.name, problems.errors.any);
  const draft = versions.find((v) => v.id === workflow.draftVersionId) ?? null;
  const current = versions.find((v) => v.id === workflow.currentVersionId) ?? null;
  const asked = Number(query.get('phien-ban'));
  const shown = versions.find((v) => v.number === asked) ?? current ?? draft ?? versions[0];
  const [editing, setEditing] = useState(false);

  return (
    <>
      <p><Link to={workflowsPath} className="back-link">{t('catalog.backToWorkflows')}</Link></p>
      <ErrorSummary items={problems.errors.summary} />
      <FlashNotice />
      {success && <Notice kind="success"><p>{t(success)}</p></Notice>}
      <span className="caption">{t('catalog.workflowTitle')}</span>
      <h1>{workflow.name}</h1>
      <p>{workflow.defaultFor ? t(`catalog.workflowDefaultFor.${workflow.defaultFor}`) : workflow.ownerUnitId ? t('catalog.workflowOwned') : t('catalog.workflowShared')}</p>

      <h2>{t('catalog.versions')}</h2>
      <ul className="link-list">
        {[...versions].sort((a, b) => b.number - a.number).map((v) => (
          <li key={v.id}>
            {v.id === shown?.id
              ? <strong aria-current="true">{t('catalog.versionN', { n: v.number })}</strong>
              : <Link to={`${workflowPath(workflow.id)}?phien-ban=${v.number}`}>{t('catalog.versionN', { n: v.number })}</Link>}
            {' — '}{t(statusKey(v.status))}{v.publishedAt ? `, ${formatDateTime(v.publishedAt, lang)}` : ''}
            {v.id === workflow.currentVersionId && ` (${t('catalog.workflowInUse')})`}
          </li>
        ))}
      </ul>

      {shown && (
        <section aria-labelledby="steps-heading">
          <h2 id="steps-heading">{t('catalog.workflowStepsOf', { n: shown.number })}</h2>
          <WorkflowDiagram steps={shown.definition.steps} />
          <WorkflowStepsTable steps={shown.definition.steps} caption={t('catalog.workflowStepsOf', { n: shown.number })} />
        </section>
      )}

      <section aria-labelledby="draft-heading">
        <h2 id="draft-heading">{draft ? t('catalog.workflowDraftHeading', { n: draft.number }) : t('catalog.workflowEditHeading')}</h2>
        {draft || editing ? (
          <DraftEditor key={`${workflow.version}`} workflow={workflow} source={draft ?? current ?? shown!} hasDraft={Boolean(draft)}
            draftProblems={data.problems} reload={reload} problems={problems} setSuccess={setSuccess} />
        ) : (
          <>
            <p>{t('catalog.workflowEditExplain')}</p>
            <button type="button" className="button" onClick={() => setEditing(true)}>{t('catalog.workflowEdit')}</button>
          </>
        )}
      </section>
    </>
  );
}

function DraftEditor({ workflow, source, hasDraft, draftProblems, reload, problems, setSuccess }: {
  workflow: Workflow; source: WorkflowVersion; hasDraft: boolean; draftProblems: WorkflowDetail['problems'];
  reload: () => void; problems: PageProblems; setSuccess: (key: MessageKey | null) => void;
}) {
  const { t, lang } = useI18n();
  const [name, setName] = useState(workflow.name);
  const [rows, setRows] = useState<StepRow[]>(() => stepRows(source.definition.steps));
  const [dirty, setDirty] = useState(!hasDraft);
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const version = useRef(workflow.version);
  const url = `/api/v1/workflows/${workflow.id}`;
  const locate = (field: string) => (field === 'name' ? 'workflow-draft-name' : locateStep(field, rows));

  const save = async () => {
    const saved = await api<Workflow>('PUT', `${url}/draft`, { body: { version: version.current, name: name.trim(), definition: { steps: stepsFromRows(rows) } } });
    version.current = saved.version;
    setDirty(false);
  };
  const run = async (publish: boolean) => {
    if (busy) return;
    if (problems.showProblems(name.trim() ? [] : [['workflow-draft-name', 'catalog.workflowNameMissing']])) return;
    setBusy(true);
    setSuccess(null);
    let saved = false;
    try {
      if (dirty || !publish) {
        await save();
        saved = true;
      }
      if (publish) await api<Workflow>('POST', `${url}/publish`, { body: { version: version.current } });
      problems.clear();
      setSuccess(publish ? 'catalog.workflowPublishedNotice' : 'catalog.workflowSaved');
      reload();
    } catch (cause) {
      setStale(isStale(cause));
      problems.showApiError(cause, locate);
      setBusy(false);
      // A save that worked before a refused publish is kept: show the versions and the draft's problems as stored.
      if (saved) reload();
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(false);
  };
  const change = (next: StepRow[]) => {
    setRows(next);
    setDirty(true);
  };

  return (
    <form onSubmit={submit} noValidate>
      {stale && (
        <Notice kind="info">
          <p>{t('catalog.staleHelp')}</p>
          <button type="button" className="button button--secondary" onClick={reload}>{t('common.reloadLatest')}</button>
        </Notice>
      )}
      {hasDraft && draftProblems.length > 0 && (
        <Notice kind="info" title={t('catalog.workflowDraftProblems')}>
          <ul>
            {draftProblems.map((p) => {
              const target = locateStep(p.field, rows);
              const text = lang === 'vi' ? p.messageVi : p.message;
              return <li key={`${p.field}:${p.code}`}>{target ? <a href={`#${target}`}>{text}</a> : text}</li>;
            })}
          </ul>
        </Notice>
      )}
      <p>{hasDraft ? t('catalog.workflowDraftExplain') : t('catalog.workflowNewDraftExplain', { n: source.number })}</p>
      <TextField id="workflow-draft-name" label={t('catalog.workflowName')} error={problems.errors.byField['workflow-draft-name']}
        value={name} onChange={(e) => { setName(e.target.value); setDirty(true); }} />
      <StepsEditor rows={rows} onChange={change} errors={problems.errors.byField} />
      <div className="actions actions--spaced">
        <button type="submit" className="button button--secondary">{busy ? t('common.working') : t('catalog.workflowSaveDraft')}</button>
        <button type="button" className="button" onClick={() => void run(true)}>{t('catalog.workflowPublish')}</button>
      </div>
      <p className="hint">{t('catalog.workflowPublishHint')}</p>
    </form>
  );
}
