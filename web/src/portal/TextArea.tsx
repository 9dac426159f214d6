import type { TextareaHTMLAttributes } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A multi-line field in the manner of fields.tsx: label, hint, error above the box, linked by ids. */
export function TextArea({ id, label, hint, error, className, ...rest }: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  id: string; label: string; hint?: string; error?: string;
}) {
  const { t } = useI18n();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>{label}</label>
      {hint && <div className="hint" id={`${id}-hint`}>{hint}</div>}
      {error && <p className="error-message" id={`${id}-error`}><span className="visually-hidden">{t('common.errorPrefix')}</span>{error}</p>}
      <textarea id={id} name={id} rows={5} className={`textarea${error ? ' input--error' : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={described} aria-invalid={error ? true : undefined} {...rest} />
    </div>
  );
}
