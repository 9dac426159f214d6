import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import type { Page } from '../../api-types.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ApiErrorNotice, Loading } from '../../components/Notice.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { usePagedList } from '../../useQuery.ts';
import type { FaqEntry } from '../citizenTypes.ts';

/** The public FAQ: answered questions published without personal data, searchable with or without diacritics. */
export function FaqPage() {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const procedure = query.get('thu-tuc') ?? '';
  const [text, setText] = useState(q);
  usePageTitle(q ? t('faq.titleSearch', { q }) : t('faq.title'));
  const list = usePagedList(`faq:${q}:${procedure}`, (cursor, signal) =>
    api<Page<FaqEntry>>('GET', '/api/v1/public/faq', { query: { q, procedureCode: procedure || undefined, cursor }, signal }));

  const search = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (text.trim()) params.set('q', text.trim());
    if (procedure) params.set('thu-tuc', procedure);
    navigate(`/hoi-dap${params.size ? `?${params}` : ''}`);
  };

  return (
    <>
      <h1>{t('faq.title')}</h1>
      <p className="lead">{t('faq.lead')}</p>
      <ul className="link-list">
        <li><Link to={`/hoi-dap/dat-cau-hoi${procedure ? `?thu-tuc=${encodeURIComponent(procedure)}` : ''}`}>{t('faq.ask')}</Link></li>
        <li><Link to="/hoi-dap/cau-hoi">{t('faq.mine')}</Link></li>
      </ul>
      <form role="search" className="search" onSubmit={search}>
        <label className="label" htmlFor="faq-search">{t('faq.search')}</label>
        <div className="hint" id="faq-search-hint">{t('faq.searchHint')}</div>
        <div className="search__row">
          <input id="faq-search" type="search" className="input search__input" value={text} aria-describedby="faq-search-hint" onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="button search__button">{t('search.submit')}</button>
        </div>
      </form>
      {procedure && (
        <p>{t('faq.forProcedure', { code: procedure })} <Link to={q ? `/hoi-dap?q=${encodeURIComponent(q)}` : '/hoi-dap'}>{t('faq.allProcedures')}</Link></p>
      )}
      {list.error ? <ApiErrorNotice error={list.error} /> : list.loading && !list.items.length ? <Loading /> : (
        <section aria-labelledby="faq-results">
          <h2 id="faq-results" aria-live="polite">{q ? t('faq.resultsFor', { count: list.items.length, q }) : t('faq.results', { count: list.items.length })}</h2>
          {!list.items.length && <p>{t('faq.none')}</p>}
          <div className="faq-list">
            {list.items.map((item) => (
              <details key={item.id} className="details faq-item">
                <summary>{item.question}</summary>
                <div className="faq-item__answer">
                  <p className="pre-line">{item.answer}</p>
                  <p className="hint">{t('faq.answeredBy', { unit: item.unitName, date: formatDateTime(item.publishedAt, lang) })}
                    {item.procedureCode && <> · <Link to={`/thu-tuc/${encodeURIComponent(item.procedureCode)}`}>{t('faq.procedureLink', { code: item.procedureCode })}</Link></>}
                  </p>
                </div>
              </details>
            ))}
          </div>
        </section>
      )}
      {!list.error && <LoadMore list={list} />}
    </>
  );
}
