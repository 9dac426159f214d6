import { useEffect, useRef, type MouseEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

export interface SummaryItem {
  /** id of the input the message is about; absent for errors about the whole form. */
  fieldId?: string;
  text: string;
}

/**
 * The list of problems at the top of a form. It takes focus each time it appears (or its list changes) so screen
 * readers announce it, and each entry links to its field.
 */
export function ErrorSummary({ items }: { items: SummaryItem[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const signature = items.map((item) => `${item.fieldId}:${item.text}`).join('|');

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (!items.length) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">{t('common.errorSummaryTitle')}</h2>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={`${item.fieldId}:${item.text}`}>
            {item.fieldId ? <a href={`#${item.fieldId}`} onClick={focusField(item.fieldId)}>{item.text}</a> : item.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

function focusField(fieldId: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    // Bring the label into view too, not only the input.
    (field.closest('.form-group') ?? field).scrollIntoView({ block: 'start' });
    field.focus({ preventScroll: true });
  };
}
