import { api } from '../../api.ts';
import type { Page } from '../../api-types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import type { FaqEntry } from '../citizenTypes.ts';

/** The FAQ entries about one procedure, with links to all of them and to ask a new question. */
export function ProcedureFaq({ code }: { code: string }) {
  const { t } = useI18n();
  const faq = useQuery(`faq:procedure:${code}`, (signal) =>
    api<Page<FaqEntry>>('GET', '/api/v1/public/faq', { query: { procedureCode: code, limit: 5 }, signal }));
  const items = faq.data?.items ?? [];
  return (
    <section aria-labelledby="faq-heading" className="section">
      <h2 id="faq-heading">{t('procedure.faq')}</h2>
      {items.length === 0 ? <p>{t('procedure.faqNone')}</p> : (
        <div className="faq-list">
          {items.map((item) => (
            <details key={item.id} className="details faq-item">
              <summary>{item.question}</summary>
              <p className="pre-line">{item.answer}</p>
            </details>
          ))}
        </div>
      )}
      <ul className="link-list">
        {items.length > 0 && <li><Link to={`/hoi-dap?thu-tuc=${encodeURIComponent(code)}`}>{t('procedure.faqAll')}</Link></li>}
        <li><Link to={`/hoi-dap/dat-cau-hoi?thu-tuc=${encodeURIComponent(code)}`}>{t('procedure.ask')}</Link></li>
      </ul>
    </section>
  );
}
