// The steps of a workflow draft, one fieldset per step: who acts, which share of the processing time, what they may
// do and to which steps they hand over. Renaming a step's key renames it in the other steps' "next" lists too.
import { useEffect, useRef } from 'react';
import { unitKinds, type Role, type UnitKind } from '../../api-types.ts';
import { Checkbox, Fieldset, SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoles } from '../officials/useRoles.ts';
import { kindKey } from '../units/unitLabels.ts';
import { actionKey } from './labels.ts';
import { fieldPath } from './problems.ts';
import { workflowActions, type WorkflowAction, type WorkflowStep } from './types.ts';

/** Steps as typed: the share stays text until saved. */
export type StepRow = Omit<WorkflowStep, 'share'> & { share: string };

export const stepIds = {
  add: 'step-add',
  field: (i: number, part: 'key' | 'name' | 'nameEn' | 'role' | 'unitKind' | 'share' | 'final') => `step-${i}-${part}`,
  action: (i: number, action: WorkflowAction) => `step-${i}-action-${action}`,
  next: (i: number, j: number) => `step-${i}-next-${j}`,
};

export const stepRows = (steps: WorkflowStep[]): StepRow[] => steps.map((s) => ({ ...s, share: String(s.share).replace('.', ',') }));

export function stepsFromRows(rows: StepRow[]): WorkflowStep[] {
  return rows.map((r) => ({ ...r, key: r.key.trim(), name: r.name.trim(), nameEn: r.nameEn.trim(), share: Number(r.share.trim().replace(',', '.') || 'NaN') }));
}

/** Where a workflow field (`steps[2].next`, `definition.steps.1.share`) is in this editor. */
export function locateStep(field: string, rows: StepRow[]): string | undefined {
  const path = fieldPath(field.replace(/^definition\./, ''));
  if (path[0] !== 'steps') return undefined;
  if (path[1] === undefined) return stepIds.add;
  const i = Number(path[1]);
  const part = path[2];
  if (part === 'actions') return stepIds.action(i, workflowActions[0]);
  if (part === 'next') {
    const other = rows.findIndex((_, j) => j !== i);
    return other >= 0 ? stepIds.next(i, other) : stepIds.field(i, 'final');
  }
  if (part === 'key' || part === 'name' || part === 'nameEn' || part === 'role' || part === 'unitKind' || part === 'share' || part === 'final') {
    return stepIds.field(i, part);
  }
  return stepIds.field(i, 'name');
}

export function StepsEditor({ rows, onChange, errors }: { rows: StepRow[]; onChange: (rows: StepRow[]) => void; errors: Record<string, string> }) {
  const { t, pick } = useI18n();
  const roles = useRoles();
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  const update = (i: number, change: Partial<StepRow>) => {
    const before = rows[i].key;
    onChange(rows.map((row, j) => {
      if (j === i) return { ...row, ...change };
      if (change.key !== undefined && change.key !== before) return { ...row, next: row.next.map((k) => (k === before ? change.key! : k)) };
      return row;
    }));
  };
  const add = () => {
    let n = rows.length + 1;
    while (rows.some((r) => r.key === `step_${n}`)) n++;
    focusAfter.current = stepIds.field(rows.length, 'name');
    onChange([...rows, { key: `step_${n}`, name: '', nameEn: '', role: 'specialist', unitKind: null, unitId: null, share: '0', actions: ['forward'], next: [], final: false }]);
  };
  const remove = (i: number) => {
    const gone = rows[i].key;
    focusAfter.current = stepIds.add;
    onChange(rows.filter((_, j) => j !== i).map((row) => ({ ...row, next: row.next.filter((k) => k !== gone) })));
  };
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= rows.length) return;
    const next = [...rows];
    [next[i], next[j]] = [next[j], next[i]];
    focusAfter.current = stepIds.field(j, 'name');
    onChange(next);
  };
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  return (
    <>
      <ol className="row-list">
        {rows.map((row, i) => {
          const n = i + 1;
          const title = row.name.trim() ? t('catalog.stepNamed', { n, name: row.name.trim() }) : t('catalog.stepN', { n });
          return (
            <li key={i} className="row-card">
              <Fieldset id={`step-${i}`} legend={title}>
                <div className="form-row">
                  <TextField id={stepIds.field(i, 'name')} label={t('catalog.stepName')} error={errors[stepIds.field(i, 'name')]}
                    value={row.name} onChange={(e) => update(i, { name: e.target.value })} />
                  <TextField id={stepIds.field(i, 'nameEn')} label={t('catalog.stepNameEn')} error={errors[stepIds.field(i, 'nameEn')]}
                    value={row.nameEn} onChange={(e) => update(i, { nameEn: e.target.value })} />
                </div>
                <div className="form-row">
                  <TextField id={stepIds.field(i, 'key')} label={t('catalog.stepKey')} hint={t('catalog.stepKeyHint')} width="short"
                    spellCheck={false} error={errors[stepIds.field(i, 'key')]} value={row.key} onChange={(e) => update(i, { key: e.target.value })} />
                  <TextField id={stepIds.field(i, 'share')} label={t('catalog.stepShare')} hint={t('catalog.stepShareHint')} width="short"
                    inputMode="decimal" error={errors[stepIds.field(i, 'share')]} value={row.share} onChange={(e) => update(i, { share: e.target.value })} />
                </div>
                <div className="form-row">
                  <SelectField id={stepIds.field(i, 'role')} label={t('catalog.stepRole')} error={errors[stepIds.field(i, 'role')]} value={row.role}
                    onChange={(e) => update(i, { role: e.target.value as Role })}
                    options={(roles.data ?? [{ role: row.role, label: row.role, labelEn: row.role }]).map((r) => ({ value: r.role, label: pick(r.label, r.labelEn) }))} />
                  <SelectField id={stepIds.field(i, 'unitKind')} label={t('catalog.stepUnit')} error={errors[stepIds.field(i, 'unitKind')]}
                    value={row.unitKind ?? ''} onChange={(e) => update(i, { unitKind: (e.target.value || null) as UnitKind | null })}
                    options={[{ value: '', label: t('catalog.stepReceivingUnit') }, ...unitKinds.map((k) => ({ value: k, label: t(kindKey(k)) }))]} />
                </div>
                <Fieldset id={`step-${i}-actions`} legend={t('catalog.stepActions')} error={errors[stepIds.action(i, workflowActions[0])]}>
                  <div className="checkboxes--inline">
                    {workflowActions.map((action) => (
                      <Checkbox key={action} id={stepIds.action(i, action)} label={t(actionKey(action))} checked={row.actions.includes(action)}
                        onChange={(e) => update(i, { actions: toggle(row.actions, action, e.target.checked) })} />
                    ))}
                  </div>
                </Fieldset>
                <Fieldset id={`step-${i}-next`} legend={t('catalog.stepNext')} hint={t('catalog.stepNextHint')}
                  error={rows.some((_, j) => j !== i) ? errors[stepIds.next(i, rows.findIndex((_, j) => j !== i))] : undefined}>
                  {rows.map((other, j) => (j === i ? null : (
                    <Checkbox key={j} id={stepIds.next(i, j)} label={other.name.trim() || other.key} checked={row.next.includes(other.key)}
                      onChange={(e) => update(i, { next: toggle(row.next, other.key, e.target.checked) })} />
                  )))}
                  <Checkbox id={stepIds.field(i, 'final')} label={t('catalog.stepFinalLabel')} checked={row.final}
                    onChange={(e) => update(i, { final: e.target.checked })} />
                  {errors[stepIds.field(i, 'final')] && <p className="error-message">{errors[stepIds.field(i, 'final')]}</p>}
                </Fieldset>
                <div className="actions">
                  <button type="button" className="button button--secondary button--small" disabled={i === 0} onClick={() => move(i, -1)}>
                    {t('catalog.stepUp', { n })}
                  </button>
                  <button type="button" className="button button--secondary button--small" disabled={i === rows.length - 1} onClick={() => move(i, 1)}>
                    {t('catalog.stepDown', { n })}
                  </button>
                  <button type="button" className="button button--warning button--small" onClick={() => remove(i)}>{t('catalog.stepRemove', { n })}</button>
                </div>
              </Fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" id={stepIds.add} className="button button--secondary" onClick={add}>{t('catalog.stepAdd')}</button>
    </>
  );
}
