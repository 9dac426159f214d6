import { useState, type FormEvent } from 'react';
import { api, queryString } from '../../api.ts';
import type { Page } from '../../api-types.ts';
import { TextField } from '../../components/fields.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ApiErrorNotice, Loading } from '../../components/Notice.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { hasAnyRole, useUser } from '../../session.tsx';
import { usePagedList, useQuery, type PagedState } from '../../useQuery.ts';
import { queueText, stateText } from './labels.ts';
import { queueNames, type DossierListItem, type QueueCounts, type QueueName } from './types.ts';
import './dossiers.css';

export const dossiersPath = '/can-bo/ho-so';

const pageSize = 25;

function queueOf(value: string | null): QueueName {
  return (queueNames as readonly string[]).includes(value ?? '') ? (value as QueueName) : 'mine';
}

export function useQueueCounts() {
  return useQuery('dossier-queues', (signal) => api<QueueCounts>('GET', '/api/v1/dossiers/queues', { signal }));
}

/** Work queues with counts, a search by code or applicant, and the dossiers of the chosen queue. */
export function DossiersPage() {
  const { t } = useI18n();
  const user = useUser();
  const { query } = useLocation();
  const queue = queueOf(query.get('hang'));
  const q = query.get('q') ?? '';
  const counts = useQueueCounts();
  const list = usePagedList(`dossiers:${queue}:${q}`, (cursor, signal) =>
    api<Page<DossierListItem>>('GET', '/api/v1/dossiers', { query: { queue, q, cursor, limit: pageSize }, signal }));
  const title = t('dossiers.title');
  usePageTitle(title);

  return (
    <>
      <h1>{title}</h1>
      {hasAnyRole(user, ['desk_officer']) && (
        <p><Link to="/can-bo/tiep-nhan" className="button">{t('nav.intake')}</Link></p>
      )}
      <QueueTabs current={queue} counts={counts.data} q={q} />
      <DossierSearch key={q} queue={queue} q={q} />
      <h2 id="dossier-list-title">
        {q ? t('dossiers.searchResults', { queue: queueText(t, queue), q }) : queueText(t, queue)}
      </h2>
      <DossierList list={list} captionId="dossier-list-title" />
    </>
  );
}

function QueueTabs({ current, counts, q }: { current: QueueName; counts: QueueCounts | undefined; q: string }) {
  const { t } = useI18n();
  return (
    <nav className="queue-tabs" aria-label={t('dossiers.queuesLabel')}>
      <ul className="queue-tabs__list">
        {queueNames.map((queue) => {
          const count = queue === 'all' ? undefined : counts?.[queue];
          return (
            <li key={queue}>
              <Link to={`${dossiersPath}${queryString({ hang: queue, q })}`} className="queue-tabs__link"
                aria-current={queue === current ? 'page' : undefined}>
                {queueText(t, queue)}
                {count !== undefined && <span className={`count${count > 0 && queue === 'overdue' ? ' count--alert' : ''}`}> {count}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function DossierSearch({ queue, q }: { queue: QueueName; q: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`${dossiersPath}${queryString({ hang: queue, q: text.trim() })}`);
  };
  return (
    <form role="search" className="filters" onSubmit={submit} aria-label={t('dossiers.searchLabel')}>
      <TextField id="dossier-search" label={t('dossiers.search')} hint={t('dossiers.searchHint')} type="search" autoComplete="off"
        value={text} onChange={(event) => setText(event.target.value)} />
      <div className="filters__actions">
        <button type="submit" className="button">{t('search.submit')}</button>
        {q && <Link to={`${dossiersPath}${queryString({ hang: queue })}`}>{t('dossiers.clearSearch')}</Link>}
      </div>
    </form>
  );
}

export function DeadlineText({ item }: { item: Pick<DossierListItem, 'deadline'> }) {
  const { lang } = useI18n();
  if (!item.deadline) return <>—</>;
  const overdue = item.deadline.status.startsWith('overdue') || item.deadline.status === 'late';
  return <span className={overdue ? 'deadline deadline--late' : 'deadline'}>{lang === 'vi' ? item.deadline.vi : item.deadline.en}</span>;
}

function codeLabel(item: DossierListItem, noCode: string): string {
  return item.code ?? noCode;
}

/** A table on wide screens, cards on a phone (the same rows; the hidden one is out of the accessibility tree). */
function DossierList({ list, captionId }: { list: PagedState<DossierListItem>; captionId: string }) {
  const { t, lang, pick } = useI18n();
  if (list.error) return <ApiErrorNotice error={list.error} />;
  if (list.loading && !list.items.length) return <Loading />;
  if (!list.items.length) return <p>{t('dossiers.none')}</p>;
  const due = (item: DossierListItem) => (item.appointmentAt ?? item.dueAt ? formatDateTime((item.appointmentAt ?? item.dueAt)!, lang) : '—');
  return (
    <>
      <div className="table-wrap dossier-table">
        <table className="table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{t('dossiers.code')}</th>
              <th scope="col">{t('dossiers.applicant')}</th>
              <th scope="col">{t('dossiers.procedure')}</th>
              <th scope="col">{t('dossiers.state')}</th>
              <th scope="col">{t('dossiers.dueAt')}</th>
              <th scope="col">{t('dossiers.remaining')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.id}>
                <td><Link to={`${dossiersPath}/${item.id}`} className="dossier-code">{codeLabel(item, t('dossiers.noCode'))}</Link></td>
                <td>{item.applicantName}</td>
                <td><span className="mono">{item.procedureCode}</span> {item.procedureName}</td>
                <td>{pick(item.stateLabel, item.stateLabelEn) || stateText(t, item.state)}</td>
                <td>{due(item)}</td>
                <td><DeadlineText item={item} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="dossier-cards" aria-labelledby={captionId}>
        {list.items.map((item) => (
          <li key={item.id} className="dossier-card">
            <p className="dossier-card__title">
              <Link to={`${dossiersPath}/${item.id}`} className="dossier-code">{codeLabel(item, t('dossiers.noCode'))}</Link>
            </p>
            <dl className="dossier-card__facts">
              <div><dt>{t('dossiers.applicant')}</dt><dd>{item.applicantName}</dd></div>
              <div><dt>{t('dossiers.procedure')}</dt><dd>{item.procedureName}</dd></div>
              <div><dt>{t('dossiers.state')}</dt><dd>{pick(item.stateLabel, item.stateLabelEn)}</dd></div>
              <div><dt>{t('dossiers.dueAt')}</dt><dd>{due(item)}</dd></div>
              <div><dt>{t('dossiers.remaining')}</dt><dd><DeadlineText item={item} /></dd></div>
            </dl>
          </li>
        ))}
      </ul>
      <LoadMore list={list} />
    </>
  );
}
