// Form fields in the GOV.UK manner: label, optional hint, error message above the input, all linked by ids.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

interface FieldFrame {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldMessages({ id, hint, error }: Pick<FieldFrame, 'id' | 'hint' | 'error'>) {
  const { t } = useI18n();
  return (
    <>
      {hint && <div className="hint" id={`${id}-hint`}>{hint}</div>}
      {error && (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>{error}
        </p>
      )}
    </>
  );
}

type TextFieldProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { width?: 'full' | 'half' | 'short' };

export function TextField({ id, label, hint, error, width = 'full', className, ...input }: TextFieldProps) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input
        id={id}
        name={id}
        className={`input input--${width}${error ? ' input--error' : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

type SelectFieldProps = FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  options: Array<{ value: string; label: string }>;
};

export function SelectField({ id, label, hint, error, options, ...select }: SelectFieldProps) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        className={`select${error ? ' input--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </div>
  );
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & { id: string; label: ReactNode; hint?: ReactNode };

export function Checkbox({ id, label, hint, ...input }: CheckboxProps) {
  return (
    <div className="checkbox">
      <input id={id} name={id} type="checkbox" aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint && <div className="hint" id={`${id}-hint`}>{hint}</div>}
    </div>
  );
}

type RadioProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & { id: string; label: ReactNode };

export function Radio({ id, label, ...input }: RadioProps) {
  return (
    <div className="radio">
      <input id={id} type="radio" {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function Fieldset({ legend, hint, error, id, children }: {
  legend: ReactNode; hint?: ReactNode; error?: string; id: string; children: ReactNode;
}) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="legend">{legend}</legend>
        <FieldMessages id={id} hint={hint} error={error} />
        {children}
      </fieldset>
    </div>
  );
}
