import { api } from '../../api.ts';
import type { Page } from '../../api-types.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import { Link, useLocation } from '../../router.tsx';
import { usePagedList, useQuery } from '../../useQuery.ts';
import type { QuestionCounts, StaffQuestion } from './types.ts';

type Filter = 'open' | 'overdue' | 'answered' | 'rejected' | 'all';
const filters: [Filter, MessageKey][] = [
  ['open', 'staffQa.filter.open'], ['overdue', 'staffQa.filter.overdue'], ['answered', 'staffQa.filter.answered'],
  ['rejected', 'staffQa.filter.rejected'], ['all', 'staffQa.filter.all'],
];

export const questionStatusKeys: Record<StaffQuestion['status'], MessageKey> = {
  open: 'question.status.open', answered: 'question.status.answered', rejected: 'question.status.rejected',
};

/** The Q&A queue of the units in reach: open questions by target time, overdue ones flagged. */
export function QuestionsPage() {
  const { t, lang } = useI18n();
  const raw = useLocation().query.get('loc') ?? 'open';
  const filter = (filters.some(([f]) => f === raw) ? raw : 'open') as Filter;
  usePageTitle(t('staffQa.title'));
  const counts = useQuery('qa:counts', (signal) => api<QuestionCounts>('GET', '/api/v1/questions/counts', { signal }));
  const list = usePagedList(`qa:${filter}`, (cursor, signal) => api<Page<StaffQuestion>>('GET', '/api/v1/questions', {
    query: { status: filter === 'overdue' ? undefined : filter === 'all' ? undefined : filter, overdue: filter === 'overdue' ? true : undefined, cursor }, signal,
  }));
  const current = filters.find(([f]) => f === filter)!;

  return (
    <>
      <h1>{t('staffQa.title')}</h1>
      {counts.data && (
        <ul className="counts" aria-label={t('staffQa.countsLabel')}>
          <li><strong>{counts.data.open}</strong>{t('staffQa.filter.open')}</li>
          <li><strong>{counts.data.overdue}</strong>{t('staffQa.filter.overdue')}</li>
          <li><strong>{counts.data.answered}</strong>{t('staffQa.filter.answered')}</li>
          <li><strong>{counts.data.published}</strong>{t('staffQa.published')}</li>
        </ul>
      )}
      <nav aria-label={t('staffQa.filtersLabel')}>
        <ul className="actions plain-list">
          {filters.map(([f, key]) => (
            <li key={f}><Link to={`/can-bo/hoi-dap?loc=${f}`} aria-current={f === filter ? 'page' : undefined}>{t(key)}</Link></li>
          ))}
        </ul>
      </nav>
      <h2 id="qa-list-title">{t(current[1])}</h2>
      <PagedTable list={list} labelledBy="qa-list-title" empty={t('staffQa.none')}
        headers={[t('question.reference'), t('ask.titleLabel'), t('ask.unit'), t('question.askedAt'), t('staffQa.target'), t('question.status')]}
        row={(q) => (
          <tr key={q.id}>
            <td><Link to={`/can-bo/hoi-dap/${q.id}`}>{q.reference}</Link></td>
            <td>{q.title}</td>
            <td>{q.unitName}</td>
            <td>{formatDateTime(q.askedAt, lang)}</td>
            <td>{formatDateTime(q.targetAnswerAt, lang)}{q.overdue && <> <span className="tag tag--overdue">{t('staffQa.overdue')}</span></>}</td>
            <td>{t(questionStatusKeys[q.status])}{q.published && <> · {t('staffQa.published')}</>}</td>
          </tr>
        )}
      />
    </>
  );
}
