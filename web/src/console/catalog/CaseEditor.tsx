import { useState, type FormEvent } from 'react';
import { Fieldset, SelectField, TextField } from '../../components/fields.tsx';
import type { Problem } from '../../components/formErrors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { caseBody, caseValues, checkCase, type CaseValues } from './caseForm.ts';
import { DocumentsEditor, FeesEditor } from './CaseRows.tsx';
import { caseIds } from './ids.ts';
import { durationKey } from './labels.ts';
import { SavedStatus } from './SavedStatus.tsx';
import { durationKinds, type CatalogCase, type DurationKind, type Workflow } from './types.ts';

interface Props {
  item: CatalogCase;
  index: number;
  workflows: Workflow[];
  errors: Record<string, string>;
  check: (problems: Problem[]) => boolean;
  save: (key: string, body: Record<string, unknown>) => Promise<boolean>;
  remove: (key: string) => Promise<boolean>;
}

/** One case (trường hợp) of a draft: its processing time, workflow, documents and fees, saved together. */
export function CaseEditor({ item, index, workflows, errors, check, save, remove }: Props) {
  const { t } = useI18n();
  const ids = caseIds(item.key);
  const [values, setValues] = useState<CaseValues>(() => caseValues(item));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(0);
  const n = index + 1;
  const label = item.name ? t('catalog.caseNamed', { n, name: item.name }) : t('catalog.caseN', { n });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || check(checkCase(item.key, values))) return;
    setBusy(true);
    const ok = await save(item.key, caseBody(values));
    setBusy(false);
    if (ok) setSaved((count) => count + 1);
  };
  const set = <K extends keyof CaseValues>(key: K, value: CaseValues[K]) => {
    setValues({ ...values, [key]: value });
    setSaved(0);
  };
  const defaultName = item.workflow?.isDefault ? item.workflow.name : null;

  return (
    <section aria-labelledby={ids.section} className="case-editor">
      <h3 id={ids.section}>{label}</h3>
      <form onSubmit={submit} noValidate className="form">
        <TextField id={ids.name} label={t('catalog.caseName')} hint={t('catalog.caseNameHint')} error={errors[ids.name]}
          value={values.name} onChange={(e) => set('name', e.target.value)} />
        <Fieldset id={`${ids.kind}-group`} legend={t('procedure.time')}
          hint={item.needsReview && item.processingText ? t('catalog.timeReview', { text: item.processingText }) : t('catalog.timeHint')}>
          <div className="form-row">
            <SelectField id={ids.kind} label={t('catalog.timeKind')} error={errors[ids.kind]} value={values.kind}
              onChange={(e) => set('kind', e.target.value as DurationKind | '')}
              options={[{ value: '', label: t('catalog.timeKindNone') }, ...durationKinds.map((k) => ({ value: k, label: t(durationKey(k)) }))]} />
            {values.kind !== 'same_day' && (
              <TextField id={ids.amount} label={t('catalog.timeAmount')} inputMode="decimal" width="short" error={errors[ids.amount]}
                disabled={!values.kind} value={values.amount} onChange={(e) => set('amount', e.target.value)} />
            )}
          </div>
        </Fieldset>
        <SelectField id={ids.workflow} label={t('catalog.caseWorkflow')} error={errors[ids.workflow]} value={values.workflowId}
          onChange={(e) => set('workflowId', e.target.value)}
          options={[
            { value: '', label: defaultName ? t('catalog.workflowDefaultNamed', { name: defaultName }) : t('catalog.workflowDefault') },
            ...workflows.map((w) => ({ value: w.id, label: w.currentVersionId ? w.name : t('catalog.workflowUnpublished', { name: w.name }) })),
          ]} />
        <DocumentsEditor caseKey={item.key} caseLabel={label} rows={values.documents} errors={errors}
          onChange={(rows) => set('documents', rows)} />
        <FeesEditor caseKey={item.key} caseLabel={label} rows={values.fees} errors={errors} onChange={(rows) => set('fees', rows)} />
        <div className="actions">
          <button type="submit" className="button">{busy ? t('common.working') : t('catalog.caseSave', { n })}</button>
          <button type="button" className="button button--warning" onClick={() => void remove(item.key)}>{t('catalog.caseRemove', { n })}</button>
        </div>
        <SavedStatus count={saved} text={t('catalog.caseSaved', { n })} />
      </form>
    </section>
  );
}
