import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate } from '../router.tsx';

/** The big search box of the portal: it leads to the catalogue page with the words typed. */
export function ProcedureSearchForm({ initial = '', large = false }: { initial?: string; large?: boolean }) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    navigate(q ? `/thu-tuc?q=${encodeURIComponent(q)}` : '/thu-tuc');
  };
  return (
    <form role="search" className={`search${large ? ' search--large' : ''}`} onSubmit={submit}>
      <label className="label" htmlFor="procedure-search">{t('search.label')}</label>
      <div className="hint" id="procedure-search-hint">{t('search.hint')}</div>
      <div className="search__row">
        <input id="procedure-search" name="q" type="search" className="input search__input" value={text}
          aria-describedby="procedure-search-hint" onChange={(event) => setText(event.target.value)} />
        <button type="submit" className="button search__button">{t('search.submit')}</button>
      </div>
    </form>
  );
}
