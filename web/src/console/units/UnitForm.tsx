import type { FormEvent } from 'react';
import { unitKinds, type Unit, type UnitKind } from '../../api-types.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import type { FormErrors, Problem } from '../../components/formErrors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { kindKey } from './unitLabels.ts';

export interface UnitValues {
  name: string;
  fullName: string;
  kind: UnitKind;
  code: string;
  agencyCode: string;
  validFrom: string;
  validTo: string;
}

/** Input ids by the API's field names, so server-side field errors land beside the right input. */
export const unitFieldIds: Record<string, string> = {
  name: 'unit-name', fullName: 'unit-full-name', kind: 'unit-kind', code: 'unit-code',
  agencyCode: 'unit-agency-code', validFrom: 'unit-valid-from', validTo: 'unit-valid-to',
};

export function valuesOf(unit: Unit): UnitValues {
  return {
    name: unit.name, fullName: unit.fullName, kind: unit.kind, code: unit.code ?? '', agencyCode: unit.agencyCode ?? '',
    validFrom: unit.validFrom ?? '', validTo: unit.validTo ?? '',
  };
}

export function checkUnit(values: UnitValues, fullNameRequired: boolean): Problem[] {
  const problems: Problem[] = [];
  if (!values.name.trim()) problems.push([unitFieldIds.name, 'units.nameMissing']);
  if (fullNameRequired && !values.fullName.trim()) problems.push([unitFieldIds.fullName, 'units.fullNameMissing']);
  if (values.code.trim() && !/^[0-9]{2,5}$/.test(values.code.trim())) problems.push([unitFieldIds.code, 'units.codeInvalid']);
  if (values.validFrom && values.validTo && values.validTo < values.validFrom) {
    problems.push([unitFieldIds.validTo, 'units.validToBeforeFrom']);
  }
  return problems;
}

export const blank = (text: string) => (text.trim() ? text.trim() : null);

interface Props {
  values: UnitValues;
  onChange: (values: UnitValues) => void;
  onSubmit: () => void;
  errors: FormErrors;
  submitLabel: string;
  busy: boolean;
  fullNameHint?: string;
}

export function UnitForm({ values, onChange, onSubmit, errors, submitLabel, busy, fullNameHint }: Props) {
  const { t } = useI18n();
  const set = (field: keyof UnitValues) => (event: { target: { value: string } }) =>
    onChange({ ...values, [field]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  const error = (field: keyof UnitValues) => errors.byField[unitFieldIds[field]];

  return (
    <form onSubmit={submit} noValidate className="form">
      <TextField id={unitFieldIds.name} label={t('units.name')} hint={t('units.nameHint')} error={error('name')}
        value={values.name} onChange={set('name')} />
      <TextField id={unitFieldIds.fullName} label={t('units.fullName')} hint={fullNameHint} error={error('fullName')}
        value={values.fullName} onChange={set('fullName')} />
      <SelectField id={unitFieldIds.kind} label={t('units.kind')} error={error('kind')} value={values.kind} onChange={set('kind')}
        options={unitKinds.map((kind) => ({ value: kind, label: t(kindKey(kind)) }))} />
      <TextField id={unitFieldIds.code} label={t('units.code')} hint={t('units.codeHint')} error={error('code')}
        inputMode="numeric" width="short" value={values.code} onChange={set('code')} />
      <TextField id={unitFieldIds.agencyCode} label={t('units.agencyCode')} hint={t('units.agencyCodeHint')}
        error={error('agencyCode')} width="half" spellCheck={false} value={values.agencyCode} onChange={set('agencyCode')} />
      <div className="form-row">
        <TextField id={unitFieldIds.validFrom} label={t('units.validFrom')} error={error('validFrom')} type="date"
          width="short" value={values.validFrom} onChange={set('validFrom')} />
        <TextField id={unitFieldIds.validTo} label={t('units.validTo')} hint={t('units.validToHint')} error={error('validTo')}
          type="date" width="short" value={values.validTo} onChange={set('validTo')} />
      </div>
      <button type="submit" className="button">{busy ? t('common.working') : submitLabel}</button>
    </form>
  );
}
