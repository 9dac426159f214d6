import type { FormEvent } from 'react';
import { Checkbox, TextField } from '../../components/fields.tsx';
import type { FormErrors } from '../../components/formErrors.ts';
import { Loading } from '../../components/Notice.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { GrantsEditor } from './GrantsEditor.tsx';
import { officialFieldIds as ids, type OfficialValues } from './officialForm.ts';
import { useGrantUnits } from './useGrantUnits.ts';
import { useRoles } from './useRoles.ts';

interface Props {
  values: OfficialValues;
  onChange: (values: OfficialValues) => void;
  onSubmit: () => void;
  errors: FormErrors;
  creating: boolean;
  busy: boolean;
  submitLabel: string;
}

/** The official's details and roles; username and first password only when creating. */
export function OfficialForm({ values, onChange, onSubmit, errors, creating, busy, submitLabel }: Props) {
  const { t } = useI18n();
  const roles = useRoles();
  const units = useGrantUnits(values.unit?.id ?? null, values.grants.map((grant) => grant.unitId));
  const set = <K extends keyof OfficialValues>(field: K, value: OfficialValues[K]) => onChange({ ...values, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate className="form">
      <TextField id={ids.fullName} label={t('officials.fullName')} error={errors.byField[ids.fullName]} autoComplete="off"
        value={values.fullName} onChange={(e) => set('fullName', e.target.value)} />
      {creating && (
        <>
          <TextField id={ids.username} label={t('officials.username')} hint={t('officials.usernameHint')}
            error={errors.byField[ids.username]} width="half" autoComplete="off" autoCapitalize="none" spellCheck={false}
            value={values.username} onChange={(e) => set('username', e.target.value)} />
          <TextField id={ids.password} label={t('officials.firstPassword')} hint={t('officials.passwordHint')}
            error={errors.byField[ids.password]} width="half" type="password" autoComplete="new-password"
            value={values.password} onChange={(e) => set('password', e.target.value)} />
        </>
      )}
      <UnitPicker id="official-unit" legend={t('officials.unit')} error={errors.byField[ids.unitId]} value={values.unit}
        onChange={(unit) => set('unit', unit)} />
      <TextField id={ids.email} label={t('officials.email')} hint={t('common.optional')} error={errors.byField[ids.email]}
        type="email" width="half" autoComplete="off" spellCheck={false} value={values.email}
        onChange={(e) => set('email', e.target.value)} />
      <TextField id={ids.phone} label={t('officials.phone')} hint={t('common.optional')} error={errors.byField[ids.phone]}
        type="tel" width="half" autoComplete="off" value={values.phone} onChange={(e) => set('phone', e.target.value)} />
      {!creating && (
        <Checkbox id="official-active" label={t('officials.active')} hint={t('officials.activeHint')} checked={values.active}
          onChange={(e) => set('active', e.target.checked)} />
      )}
      {roles.data && units.data
        ? <GrantsEditor id="official-grants" grants={values.grants} onChange={(grants) => set('grants', grants)}
            roles={roles.data} units={units.data} defaultUnitId={values.unit?.id ?? null}
            error={errors.byField[ids.grants]} />
        : <Loading />}
      <button type="submit" className="button">{busy ? t('common.working') : submitLabel}</button>
    </form>
  );
}
