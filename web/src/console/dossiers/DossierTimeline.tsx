import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { actionText, stateText } from './labels.ts';
import type { MissingItem, TimelineEvent } from './types.ts';

/** What an event recorded beyond the state change: refusal reasons, missing documents, a new appointment. */
interface EventData {
  reasons?: string[];
  items?: MissingItem[];
  missing?: MissingItem[];
  newAppointmentAt?: string;
  result?: { number?: string | null };
}

function dataOf(event: TimelineEvent): EventData {
  return event.data && typeof event.data === 'object' ? (event.data as EventData) : {};
}

/** The dossier's history, oldest first: who did what, when, from which state to which, and the step's deadline. */
export function DossierTimeline({ events }: { events: TimelineEvent[] }) {
  const { t, lang } = useI18n();
  return (
    <section className="section" aria-labelledby="dossier-timeline-title">
      <h2 id="dossier-timeline-title">{t('dossier.timelineHeading')}</h2>
      {events.length === 0 ? <p>{t('dossier.noEvents')}</p> : (
        <ol className="timeline dossier-timeline" data-testid="timeline">
          {events.map((event) => {
            const data = dataOf(event);
            const items = data.items ?? data.missing ?? [];
            return (
              <li key={event.id} className="dossier-timeline__event">
                <time dateTime={event.at}>{formatDateTime(event.at, lang)}</time>
                <p className="dossier-timeline__what">
                  <strong>{actionText(t, event.action, event.actionLabel)}</strong>
                  {' — '}{event.actorName}
                </p>
                <p className="dossier-timeline__states">
                  {event.fromState ? `${stateText(t, event.fromState)} → ` : ''}{stateText(t, event.toState)}
                  {event.stepName ? ` · ${t('dossier.eventStep', { step: event.stepName })}` : ''}
                </p>
                {event.stepDeadline && (
                  <p className="dossier-timeline__detail">{t('dossier.eventStepDeadline', { at: formatDateTime(event.stepDeadline, lang) })}</p>
                )}
                {data.newAppointmentAt && (
                  <p className="dossier-timeline__detail">{t('dossier.eventNewAppointment', { at: formatDateTime(data.newAppointmentAt, lang) })}</p>
                )}
                {data.result?.number && <p className="dossier-timeline__detail">{t('dossier.eventResult', { number: data.result.number })}</p>}
                {event.note && <p className="dossier-timeline__detail">{t('dossier.eventNote', { note: event.note })}</p>}
                {data.reasons && data.reasons.length > 0 && (
                  <ul className="dossier-timeline__list">{data.reasons.map((reason, i) => <li key={i}>{reason}</li>)}</ul>
                )}
                {items.length > 0 && (
                  <ul className="dossier-timeline__list">{items.map((item, i) => <li key={i}>{item.document}: {item.reason}</li>)}</ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
