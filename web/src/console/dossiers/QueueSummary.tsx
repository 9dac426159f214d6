import { queryString } from '../../api.ts';
import { ApiErrorNotice, Loading } from '../../components/Notice.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { hasAnyRole, useUser } from '../../session.tsx';
import { dossiersPath, useQueueCounts } from './DossiersPage.tsx';
import { dossierRoles, queueText } from './labels.ts';
import { queueNames } from './types.ts';

/** The console home's view of the work queues, for the roles that handle dossiers. */
export function DossierQueueSummary() {
  const user = useUser();
  return hasAnyRole(user, dossierRoles) ? <Counts /> : null;
}

function Counts() {
  const { t } = useI18n();
  const counts = useQueueCounts();
  return (
    <section aria-labelledby="queue-summary-title">
      <h2 id="queue-summary-title">{t('dossiers.summaryHeading')}</h2>
      {counts.error ? <ApiErrorNotice error={counts.error} /> : !counts.data ? <Loading /> : (
        <ul className="queue-summary">
          {queueNames.filter((queue) => queue !== 'all').map((queue) => {
            const count = counts.data?.[queue as Exclude<typeof queue, 'all'>] ?? 0;
            return (
              <li key={queue} className={`queue-summary__item${count > 0 && queue === 'overdue' ? ' queue-summary__item--alert' : ''}`}>
                <Link to={`${dossiersPath}${queryString({ hang: queue })}`}>
                  <span className="queue-summary__count">{count}</span> <span className="queue-summary__label">{queueText(t, queue)}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
