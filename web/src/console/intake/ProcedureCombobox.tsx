import { useEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { api } from '../../api.ts';
import type { Page } from '../../api-types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { ProcedureOption } from '../dossiers/types.ts';

interface Props {
  id: string;
  label: string;
  hint: string;
  shortcut: string;
  error?: string;
  /** Only procedures this unit receives are offered. */
  unitId: string;
  value: ProcedureOption | null;
  onPick: (procedure: ProcedureOption) => void;
  onClear: () => void;
  inputRef: Ref<HTMLInputElement>;
}

const pageSize = 8;

/**
 * Search-as-you-type for the procedure (ARIA 1.2 combobox with a list popup): typing searches the catalogue,
 * ↓/↑ move through the matches, Enter picks one, Escape closes the list (or clears the text). Focus stays in the
 * input throughout; the active option is announced through aria-activedescendant.
 */
export function ProcedureCombobox({ id, label, hint, shortcut, error, unitId, value, onPick, onClear, inputRef }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(value?.name ?? '');
  const [items, setItems] = useState<ProcedureOption[] | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  // The text the last pick put into the input: not a query to search for.
  const pickedText = useRef(value?.name ?? '');

  useEffect(() => {
    const words = text.trim();
    if (words.length < 2 || text === pickedText.current) {
      setItems(null);
      setOpen(false);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api<Page<ProcedureOption>>('GET', '/api/v1/procedures', { query: { q: words, limit: pageSize, unitId }, signal: controller.signal })
        .then((page) => {
          setItems(page.items);
          setActive(-1);
          setOpen(true);
        }, () => setItems([]));
    }, 200);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, unitId]);

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const pick = (option: ProcedureOption) => {
    pickedText.current = option.name;
    setText(option.name);
    setOpen(false);
    setActive(-1);
    onPick(option);
  };

  const change = (next: string) => {
    setText(next);
    if (value && next !== value.name) onClear();
  };

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = items?.length ?? 0;
    if (event.key === 'ArrowDown' && count) {
      event.preventDefault();
      if (!open) setOpen(true);
      setActive(event.altKey && !open ? -1 : (active + 1) % count);
    } else if (event.key === 'ArrowUp' && count && open) {
      event.preventDefault();
      setActive(active <= 0 ? count - 1 : active - 1);
    } else if (event.key === 'Enter' && open && count) {
      event.preventDefault(); // a pick, not the form's submission
      pick(items![active >= 0 ? active : 0]);
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        event.preventDefault();
        change('');
      }
    }
  };

  const expanded = open && !!items?.length;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : '', value ? `${id}-picked` : ''].filter(Boolean).join(' ');
  return (
    <div className={`form-group combobox${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label} <kbd className="shortcut" aria-hidden="true">{shortcut}</kbd>
      </label>
      <div className="hint" id={`${id}-hint`}>{hint}</div>
      {error && (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>{error}
        </p>
      )}
      <div className="combobox__wrap">
        <input
          ref={inputRef}
          id={id}
          name={id}
          type="text"
          role="combobox"
          className={`input${error ? ' input--error' : ''}`}
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-keyshortcuts={shortcut}
          value={text}
          onChange={(event) => change(event.target.value)}
          onKeyDown={keyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => { if (items?.length && text !== pickedText.current) setOpen(true); }}
        />
        <ul id={listId} role="listbox" className="combobox__list" aria-label={t('intake.procedureMatches')} hidden={!expanded}>
          {(items ?? []).map((option, index) => (
            <li key={option.id} id={optionId(index)} role="option" aria-selected={index === active}
              className={`combobox__option${index === active ? ' combobox__option--active' : ''}`}
              onMouseDown={(event) => event.preventDefault()} onClick={() => pick(option)}>
              <span className="combobox__name">{option.name}</span>
              <span className="combobox__meta">
                {[option.code, option.field, option.processingTime?.label].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {items === null ? '' : items.length ? t('intake.procedureFound', { count: items.length }) : t('intake.procedureNone')}
      </p>
      {items?.length === 0 && !value && <p className="hint">{t('intake.procedureNone')}</p>}
      {value && (
        <p className="picked" id={`${id}-picked`}>
          {t('intake.procedurePicked')}: <strong>{value.code}</strong>
          {value.field ? ` · ${value.field}` : ''}{value.processingTime ? ` · ${value.processingTime.label}` : ''}
          {value.onTheSpot ? ` · ${t('intake.onTheSpot')}` : ''}
        </p>
      )}
    </div>
  );
}
