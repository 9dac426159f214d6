import type { Ref } from 'react';
import { Fieldset, Radio, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ids, type ApplicantValues } from './intakeForm.ts';

interface Props {
  values: ApplicantValues;
  onChange: (values: ApplicantValues) => void;
  errors: Record<string, string>;
  nameRef: Ref<HTMLInputElement>;
  shortcut: string;
}

/** Who brings the dossier: a person (CCCD, birth year) or an organisation; contact details for notifications. */
export function ApplicantFields({ values, onChange, errors, nameRef, shortcut }: Props) {
  const { t } = useI18n();
  const set = <K extends keyof ApplicantValues>(field: K, value: ApplicantValues[K]) => onChange({ ...values, [field]: value });
  const person = values.kind === 'person';
  return (
    <fieldset className="fieldset intake__section">
      <legend className="legend legend--section">{t('intake.applicantHeading')}</legend>
      <Fieldset id="intake-kind" legend={t('intake.applicantKind')}>
        <div className="radios radios--inline">
          <Radio id={ids.kind} name="intake-kind" label={t('intake.person')} checked={person} onChange={() => set('kind', 'person')} />
          <Radio id="intake-kind-organisation" name="intake-kind" label={t('intake.organisation')} checked={!person}
            onChange={() => set('kind', 'organisation')} />
        </div>
      </Fieldset>
      <div className="form-group">
        <label className="label" htmlFor={ids.fullName}>
          {person ? t('intake.fullName') : t('intake.orgName')} <kbd className="shortcut" aria-hidden="true">{shortcut}</kbd>
        </label>
        {errors[ids.fullName] && (
          <p className="error-message" id={`${ids.fullName}-error`}>
            <span className="visually-hidden">{t('common.errorPrefix')}</span>{errors[ids.fullName]}
          </p>
        )}
        <input ref={nameRef} id={ids.fullName} name={ids.fullName} type="text" autoComplete="off" spellCheck={false}
          className={`input${errors[ids.fullName] ? ' input--error' : ''}`} aria-keyshortcuts={shortcut}
          aria-describedby={errors[ids.fullName] ? `${ids.fullName}-error` : undefined} aria-invalid={errors[ids.fullName] ? true : undefined}
          value={values.fullName} onChange={(e) => set('fullName', e.target.value)} />
      </div>
      <div className="form-row">
        <TextField id={ids.idNumber} label={person ? t('intake.idNumber') : t('intake.taxCode')}
          hint={person ? t('intake.idNumberHint') : t('common.optional')} error={errors[ids.idNumber]} width="half"
          inputMode={person ? 'numeric' : 'text'} autoComplete="off" maxLength={20} value={values.idNumber}
          onChange={(e) => set('idNumber', e.target.value)} />
        {person && (
          <TextField id={ids.birthYear} label={t('intake.birthYear')} hint={t('intake.birthYearHint')} error={errors[ids.birthYear]}
            width="short" inputMode="numeric" autoComplete="off" maxLength={4} value={values.birthYear}
            onChange={(e) => set('birthYear', e.target.value)} />
        )}
      </div>
      <div className="form-row">
        <TextField id={ids.phone} label={t('intake.phone')} hint={t('intake.phoneHint')} error={errors[ids.phone]} width="half"
          type="tel" autoComplete="off" value={values.phone} onChange={(e) => set('phone', e.target.value)} />
        <TextField id={ids.email} label={t('intake.email')} hint={t('common.optional')} error={errors[ids.email]} width="half"
          type="email" autoComplete="off" spellCheck={false} value={values.email} onChange={(e) => set('email', e.target.value)} />
      </div>
      <TextField id={ids.address} label={t('intake.address')} hint={t('common.optional')} error={errors[ids.address]}
        autoComplete="off" value={values.address} onChange={(e) => set('address', e.target.value)} />
    </fieldset>
  );
}
