import { useEffect, useRef } from 'react';
import { api } from '../../api.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import { Link } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import { formUrl } from '../dossiers/labels.ts';
import type { DossierDetail, IntakeResult } from '../dossiers/types.ts';

interface Props {
  result: IntakeResult;
  applicantName: string;
  procedureName: string;
  onNew: () => void;
  shortcut: string;
}

function outcomeOf(state: string): { title: MessageKey; form: '01' | '02' | '03'; formLabel: MessageKey } {
  if (state === 'intake_incomplete') return { title: 'intake.doneIncomplete', form: '02', formLabel: 'intake.print02' };
  if (state === 'intake_refused') return { title: 'intake.doneRefused', form: '03', formLabel: 'intake.print03' };
  if (state === 'returned') return { title: 'intake.doneFinished', form: '01', formLabel: 'intake.print01' };
  return { title: 'intake.doneComplete', form: '01', formLabel: 'intake.print01' };
}

/** What the counter hands to the applicant: the code, the appointment, the lookup secret, and the printed form. */
export function IntakeDone({ result, applicantName, procedureName, onNew, shortcut }: Props) {
  const { t, lang } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const detail = useQuery(`dossier:${result.id}`, (signal) => api<DossierDetail>('GET', `/api/v1/dossiers/${result.id}`, { signal }));
  const outcome = outcomeOf(result.state);
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="intake-done">
      <div className="notice notice--success" role="status">
        <h2 className="notice__title intake-done__title" tabIndex={-1} ref={heading}>
          {t(outcome.title, { code: result.code ?? '' })}
        </h2>
        {result.replayed && <p>{t('intake.replayed')}</p>}
      </div>
      <dl className="summary-list">
        {result.code && (
          <div className="summary-list__row">
            <dt>{t('dossiers.code')}</dt>
            <dd><strong className="dossier-code" data-testid="dossier-code">{result.code}</strong></dd>
          </div>
        )}
        <div className="summary-list__row"><dt>{t('dossiers.applicant')}</dt><dd>{applicantName}</dd></div>
        <div className="summary-list__row"><dt>{t('dossiers.procedure')}</dt><dd>{procedureName}</dd></div>
        {detail.data?.appointmentAt && (
          <div className="summary-list__row">
            <dt>{t('dossiers.appointmentAt')}</dt>
            <dd data-testid="appointment">{formatDateTime(detail.data.appointmentAt, lang)}</dd>
          </div>
        )}
        {result.lookupSecret && (
          <div className="summary-list__row">
            <dt>{t('dossiers.lookupSecret')}</dt>
            <dd><strong className="mono" data-testid="lookup-secret">{result.lookupSecret}</strong></dd>
          </div>
        )}
      </dl>
      <div className="actions">
        <a className="button" href={formUrl(result.id, outcome.form)} target="_blank" rel="noopener">
          {t(outcome.formLabel)}<span className="visually-hidden"> {t('dossiers.newTab')}</span>
        </a>
        <Link className="button button--secondary" to={`/can-bo/ho-so/${result.id}`}>{t('intake.openDossier')}</Link>
        <button type="button" className="button button--secondary" onClick={onNew} aria-keyshortcuts={shortcut}>
          {t('intake.another')} <kbd className="shortcut" aria-hidden="true">{shortcut}</kbd>
        </button>
      </div>
    </div>
  );
}
