// Form parts used by the intake screen and the dossier actions: a multi-line field and the editable list of
// missing documents (form 02 lists everything missing at once).
import { useEffect, useRef, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MissingItem } from './types.ts';

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
};

export function TextArea({ id, label, hint, error, rows = 3, ...textarea }: TextAreaProps) {
  const { t } = useI18n();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>{label}</label>
      {hint && <div className="hint" id={`${id}-hint`}>{hint}</div>}
      {error && <p className="error-message" id={`${id}-error`}><span className="visually-hidden">{t('common.errorPrefix')}</span>{error}</p>}
      <textarea id={id} name={id} rows={rows} className={`input textarea${error ? ' input--error' : ''}`} aria-describedby={described}
        aria-invalid={error ? true : undefined} {...textarea} />
    </div>
  );
}

interface MissingProps {
  /** Input ids: `${prefix}-${index}-document`, `${prefix}-${index}-reason`, and `${prefix}-add` for the add button. */
  prefix: string;
  legend: string;
  hint?: string;
  items: MissingItem[];
  onChange: (items: MissingItem[]) => void;
  errors: Record<string, string>;
}

/** Rows of "document — what to supplement"; adding a row puts focus in it, removing one returns focus to "add". */
export function MissingItemsEditor({ prefix, legend, hint, items, onChange, errors }: MissingProps) {
  const { t } = useI18n();
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });
  const update = (index: number, change: Partial<MissingItem>) => onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const add = () => {
    focusAfter.current = `${prefix}-${items.length}-document`;
    onChange([...items, { document: '', reason: '' }]);
  };
  const remove = (index: number) => {
    focusAfter.current = `${prefix}-add`;
    onChange(items.filter((_, i) => i !== index));
  };
  const addError = errors[`${prefix}-add`];
  return (
    <fieldset className={`fieldset missing-items${addError ? ' form-group--error' : ''}`} aria-describedby={hint ? `${prefix}-hint` : undefined}>
      <legend className="legend">{legend}</legend>
      {hint && <p className="hint" id={`${prefix}-hint`}>{hint}</p>}
      {addError && <p className="error-message"><span className="visually-hidden">{t('common.errorPrefix')}</span>{addError}</p>}
      <ol className="missing-items__list">
        {items.map((item, index) => (
          <li key={index} className="missing-items__row">
            <TextField id={`${prefix}-${index}-document`} label={t('missing.document', { n: index + 1 })} autoComplete="off"
              error={errors[`${prefix}-${index}-document`]} value={item.document} onChange={(e) => update(index, { document: e.target.value })} />
            <TextField id={`${prefix}-${index}-reason`} label={t('missing.reason', { n: index + 1 })} autoComplete="off"
              error={errors[`${prefix}-${index}-reason`]} value={item.reason} onChange={(e) => update(index, { reason: e.target.value })} />
            <button type="button" className="button button--secondary button--small" onClick={() => remove(index)}>
              {t('missing.remove', { n: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" id={`${prefix}-add`} className="button button--secondary" onClick={add}>{t('missing.add')}</button>
    </fieldset>
  );
}
