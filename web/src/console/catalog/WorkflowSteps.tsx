// A workflow version's steps, readable: a table (step, role, share of the time, actions, next) and a diagram that
// is an ordered list of boxes with the hand-overs written out, so it reads the same with or without sight.
import type { Role, UnitKind } from '../../api-types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoles } from '../officials/useRoles.ts';
import { kindKey } from '../units/unitLabels.ts';
import { actionKey } from './labels.ts';
import type { WorkflowStep } from './types.ts';

export function useStepLabels() {
  const { t, pick } = useI18n();
  const roles = useRoles();
  return {
    role: (role: Role) => {
      const info = roles.data?.find((r) => r.role === role);
      return info ? pick(info.label, info.labelEn) : role;
    },
    unit: (step: Pick<WorkflowStep, 'unitKind' | 'unitId'>) =>
      step.unitId ? t('catalog.stepFixedUnit') : step.unitKind ? t(kindKey(step.unitKind as UnitKind)) : t('catalog.stepReceivingUnit'),
    name: (step: WorkflowStep) => pick(step.name, step.nameEn),
  };
}

export function WorkflowStepsTable({ steps, caption }: { steps: WorkflowStep[]; caption: string }) {
  const { t } = useI18n();
  const labels = useStepLabels();
  const nameOf = (key: string) => {
    const step = steps.find((s) => s.key === key);
    return step ? labels.name(step) : key;
  };
  return (
    <div className="table-wrap">
      <table className="table table--compact">
        <caption className="caption-left">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalog.step')}</th>
            <th scope="col">{t('catalog.stepRole')}</th>
            <th scope="col">{t('catalog.stepUnit')}</th>
            <th scope="col">{t('catalog.stepShare')}</th>
            <th scope="col">{t('catalog.stepActions')}</th>
            <th scope="col">{t('catalog.stepNext')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step, i) => (
            <tr key={step.key}>
              <th scope="row">{i + 1}. {labels.name(step)}</th>
              <td>{labels.role(step.role)}</td>
              <td>{labels.unit(step)}</td>
              <td>{step.share}%</td>
              <td>{step.actions.map((a) => t(actionKey(a))).join(', ') || '—'}</td>
              <td>
                {step.next.map(nameOf).join(', ')}
                {step.final && <>{step.next.length ? '; ' : ''}<strong>{t('catalog.stepFinal')}</strong></>}
                {!step.next.length && !step.final && '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WorkflowDiagram({ steps }: { steps: WorkflowStep[] }) {
  const { t } = useI18n();
  const labels = useStepLabels();
  const nameOf = (key: string) => {
    const step = steps.find((s) => s.key === key);
    return step ? labels.name(step) : key;
  };
  return (
    <ol className="flow">
      {steps.map((step) => (
        <li key={step.key} className={`flow__step${step.final ? ' flow__step--final' : ''}`}>
          <strong className="flow__name">{labels.name(step)}</strong>
          <span className="flow__meta">{labels.role(step.role)} · {t('catalog.stepShareText', { share: step.share })}</span>
          <span className="flow__next">
            {step.next.length ? t('catalog.stepThen', { steps: step.next.map(nameOf).join(t('catalog.or')) }) : ''}
            {step.final ? (step.next.length ? ` ${t('catalog.stepOrFinish')}` : t('catalog.stepFinish')) : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
