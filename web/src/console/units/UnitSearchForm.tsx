import { useState, type FormEvent } from 'react';
import { queryString } from '../../api.ts';
import { TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../router.tsx';

export function UnitSearchForm({ q, at, parentId }: { q: string; at: string; parentId: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(q);
  const [date, setDate] = useState(at);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const words = text.trim();
    navigate(`/can-bo/don-vi${queryString({ q: words, cha: words ? '' : parentId, ngay: date })}`);
  };
  return (
    <form role="search" className="filters" onSubmit={submit} aria-label={t('units.searchLabel')}>
      <TextField id="unit-search" label={t('units.search')} hint={t('units.searchHint')} type="search" value={text}
        onChange={(event) => setText(event.target.value)} />
      <TextField id="unit-at" label={t('units.at')} hint={t('units.atHint')} type="date" width="short" value={date}
        onChange={(event) => setDate(event.target.value)} />
      <button type="submit" className="button">{t('search.submit')}</button>
    </form>
  );
}
