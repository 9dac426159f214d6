import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import type { Page } from '../../api-types.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { ApiErrorNotice, Notice } from '../../components/Notice.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import { Link, useLocation } from '../../router.tsx';
import { usePagedList } from '../../useQuery.ts';
import type { OutgoingNotification } from '../qa/types.ts';

type Status = OutgoingNotification['status'];
const filters: [Status | 'all', MessageKey][] = [
  ['failed', 'staffNotifications.failed'], ['dead', 'staffNotifications.dead'], ['pending', 'staffNotifications.pending'],
  ['delivered', 'staffNotifications.delivered'], ['all', 'staffNotifications.all'],
];
const statusKeys: Record<Status, MessageKey> = {
  failed: 'staffNotifications.failed', dead: 'staffNotifications.dead', pending: 'staffNotifications.pending', delivered: 'staffNotifications.delivered',
};

/** Email and SMS sent from the outbox: what failed, what gave up, and a retry. */
export function NotificationsPage() {
  const { t, lang } = useI18n();
  const raw = useLocation().query.get('loc') ?? 'failed';
  const filter = filters.find(([f]) => f === raw)?.[0] ?? 'failed';
  usePageTitle(t('staffNotifications.title'));
  const list = usePagedList(`notifications:${filter}`, (cursor, signal) =>
    api<Page<OutgoingNotification>>('GET', '/api/v1/notifications', { query: { status: filter === 'all' ? undefined : filter, cursor }, signal }));
  const [retried, setRetried] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const retry = async (item: OutgoingNotification) => {
    setRetried(null);
    setError(null);
    try {
      await api('POST', `/api/v1/notifications/${item.id}/retry`);
      setRetried(item.id);
      list.reload();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : null);
    }
  };

  return (
    <>
      <h1>{t('staffNotifications.title')}</h1>
      <p>{t('staffNotifications.lead')}</p>
      <nav aria-label={t('staffNotifications.filtersLabel')}>
        <ul className="actions plain-list">
          {filters.map(([f, key]) => <li key={f}><Link to={`/can-bo/thong-bao?loc=${f}`} aria-current={f === filter ? 'page' : undefined}>{t(key)}</Link></li>)}
        </ul>
      </nav>
      {retried !== null && <Notice kind="success"><p>{t('staffNotifications.retried', { id: retried })}</p></Notice>}
      {error && <ApiErrorNotice error={error} />}
      <h2 id="notifications-list">{t(filters.find(([f]) => f === filter)![1])}</h2>
      <PagedTable list={list} labelledBy="notifications-list" empty={t('staffNotifications.none')}
        headers={[t('staffNotifications.createdAt'), t('staffNotifications.message'), t('staffNotifications.recipient'), t('staffNotifications.status'), t('staffNotifications.attempts'), t('staffNotifications.lastError'), t('common.actions')]}
        row={(n) => (
          <tr key={n.id}>
            <td>{formatDateTime(n.createdAt, lang)}</td>
            <td>{n.template ?? n.topic}</td>
            <td>{n.channel ? `${n.channel === 'email' ? t('account.byEmail') : 'SMS'}: ` : ''}{n.recipient ?? '—'}</td>
            <td>{t(statusKeys[n.status])}{n.outcome === 'not_sent' && <><br /><span className="hint">{n.note ?? t('staffNotifications.notSent')}</span></>}</td>
            <td>{n.attempts}/{n.maxAttempts}</td>
            <td>{n.lastError ?? ''}</td>
            <td>
              {(n.status === 'failed' || n.status === 'dead') && !n.inProgress && (
                <button type="button" className="button button--secondary button--small" onClick={() => void retry(n)}>
                  {t('staffNotifications.retry')}<span className="visually-hidden"> #{n.id}</span>
                </button>
              )}
            </td>
          </tr>
        )}
      />
    </>
  );
}
