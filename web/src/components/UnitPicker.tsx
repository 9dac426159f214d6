import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { Page, Unit } from '../api-types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Fieldset, Radio } from './fields.tsx';

export interface PickedUnit {
  id: string;
  fullName: string;
}

interface Props {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  value: PickedUnit | null;
  onChange: (unit: PickedUnit) => void;
}

/**
 * Choose one unit by typing part of its name: matches appear as radio buttons (keyboard and screen-reader
 * friendly, unlike a custom combobox). `${id}-search` is the input that error summaries link to.
 */
export function UnitPicker({ id, legend, hint, error, value, onChange }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<Unit[] | null>(null);

  useEffect(() => {
    const words = text.trim();
    if (words.length < 2) {
      setMatches(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api<Page<Unit>>('GET', '/api/v1/units', { query: { q: words, limit: 10 }, signal: controller.signal })
        .then((page) => setMatches(page.items), () => setMatches([]));
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error}>
      <p className="picked" id={`${id}-current`}>
        {t('unitPicker.current')}: <strong>{value ? value.fullName : t('unitPicker.none')}</strong>
      </p>
      <div className="form-group form-group--nested">
        <label className="label label--small" htmlFor={`${id}-search`}>{t('unitPicker.search')}</label>
        <input id={`${id}-search`} type="search" className="input input--half" value={text} autoComplete="off"
          aria-describedby={`${id}-current`} onChange={(event) => setText(event.target.value)} />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {matches === null ? '' : t('unitPicker.found', { count: matches.length })}
      </p>
      {matches && matches.length > 0 && (
        <div className="radios radios--small" role="group" aria-label={t('unitPicker.matches')}>
          {matches.map((unit) => (
            <Radio key={unit.id} id={`${id}-${unit.id}`} name={`${id}-choice`} label={unit.fullName}
              checked={value?.id === unit.id} onChange={() => onChange({ id: unit.id, fullName: unit.fullName })} />
          ))}
        </div>
      )}
      {matches && matches.length === 0 && <p>{t('unitPicker.noMatch')}</p>}
    </Fieldset>
  );
}
