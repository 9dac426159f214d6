import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useFormErrors } from '../../components/formErrors.ts';
import { ApiErrorNotice, Loading } from '../../components/Notice.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { setFlash } from '../../flash.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { useQuery } from '../../useQuery.ts';
import { ownerChoices } from './ownerChoices.ts';
import { catalogAdminPath, workflowPath } from './paths.ts';
import type { Workflow, WorkflowStep, WorkflowVersion } from './types.ts';
import './catalog.css';

/** A workflow to start from when none is copied: one step at the desk that finishes the dossier. */
const oneStep: WorkflowStep[] = [{
  key: 'receive', name: 'Tiếp nhận và trả kết quả', nameEn: 'Receive and return the result', role: 'desk_officer',
  unitKind: 'one_stop_desk', unitId: null, share: 100, actions: ['approve', 'refuse'], next: [], final: true,
}];

const ids = { name: 'workflow-name', copyFrom: 'workflow-copy', ownerUnitId: 'workflow-owner' };

export function WorkflowsPage() {
  const { t } = useI18n();
  const workflows = useQuery('catalog-workflows', (signal) => api<{ items: Workflow[] }>('GET', '/api/v1/workflows', { signal }));
  const { errors, showProblems, showApiError } = useFormErrors(ids);
  usePageTitle(t('catalog.workflowsTitle'), errors.any);
  const items = workflows.data?.items ?? [];
  return (
    <>
      <p><Link to={catalogAdminPath} className="back-link">{t('catalog.backToList')}</Link></p>
      <ErrorSummary items={errors.summary} />
      <h1>{t('catalog.workflowsTitle')}</h1>
      <p className="lead">{t('catalog.workflowsLead')}</p>
      {workflows.error ? <ApiErrorNotice error={workflows.error} /> : !workflows.data ? <Loading /> : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('catalog.workflowsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalog.workflowName')}</th>
                <th scope="col">{t('catalog.workflowUse')}</th>
                <th scope="col">{t('catalog.workflowState')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((w) => (
                <tr key={w.id}>
                  <td><Link to={workflowPath(w.id)}>{w.name}</Link></td>
                  <td>{w.defaultFor ? t(`catalog.workflowDefaultFor.${w.defaultFor}`) : w.ownerUnitId ? t('catalog.workflowOwned') : t('catalog.workflowShared')}</td>
                  <td>{[w.currentVersionId ? t('catalog.workflowPublished') : t('catalog.workflowNotPublished'), w.draftVersionId ? t('catalog.workflowHasDraft') : '']
                    .filter(Boolean).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateWorkflow workflows={items} errors={errors.byField} check={showProblems} fail={showApiError} />
    </>
  );
}

function CreateWorkflow({ workflows, errors, check, fail }: {
  workflows: Workflow[]; errors: Record<string, string>; check: ReturnType<typeof useFormErrors>['showProblems'];
  fail: ReturnType<typeof useFormErrors>['showApiError'];
}) {
  const { t } = useI18n();
  const owners = ownerChoices(useUser());
  const [name, setName] = useState('');
  const [copyFrom, setCopyFrom] = useState('');
  const [owner, setOwner] = useState(owners[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const published = workflows.filter((w) => w.currentVersionId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || check(name.trim() ? [] : [[ids.name, 'catalog.workflowNameMissing']])) return;
    setBusy(true);
    try {
      const source = published.find((w) => w.id === copyFrom);
      const steps = source ? (await api<WorkflowVersion>('GET', `/api/v1/workflow-versions/${source.currentVersionId}`)).definition.steps : oneStep;
      const created = await api<Workflow>('POST', '/api/v1/workflows', {
        body: { name: name.trim(), ownerUnitId: owner || null, definition: { steps } },
      });
      setFlash('catalog.workflowCreated', { name: created.name });
      navigate(workflowPath(created.id));
    } catch (cause) {
      fail(cause);
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="workflow-create-heading">
      <h2 id="workflow-create-heading">{t('catalog.workflowCreate')}</h2>
      <form onSubmit={submit} noValidate className="form">
        <TextField id={ids.name} label={t('catalog.workflowName')} error={errors[ids.name]} value={name} onChange={(e) => setName(e.target.value)} />
        <SelectField id={ids.copyFrom} label={t('catalog.workflowCopyFrom')} value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)}
          options={[{ value: '', label: t('catalog.workflowOneStep') }, ...published.map((w) => ({ value: w.id, label: w.name }))]} />
        <SelectField id={ids.ownerUnitId} label={t('catalog.owner')} value={owner} onChange={(e) => setOwner(e.target.value)}
          options={owners.map((o) => ({ value: o.id, label: o.id ? o.name : t('catalog.workflowOwnerShared') }))} />
        <button type="submit" className="button">{busy ? t('common.working') : t('catalog.workflowCreateSubmit')}</button>
      </form>
    </section>
  );
}
