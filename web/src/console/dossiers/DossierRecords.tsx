import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { hasAnyRole, useUser } from '../../session.tsx';
import { copyTypeText, formatVnd, formsFor, formUrl } from './labels.ts';
import { PaymentForm } from './PaymentForm.tsx';
import type { DossierDetail, MissingItem } from './types.ts';

/** Documents, supplement rounds, fees and payments, and the printable forms of a dossier. */
export function DossierRecords({ dossier, onPaid }: { dossier: DossierDetail; onPaid: (updated: DossierDetail) => void }) {
  return (
    <>
      <Forms dossier={dossier} />
      <Documents dossier={dossier} />
      <SupplementRounds dossier={dossier} />
      <Payments dossier={dossier} onPaid={onPaid} />
    </>
  );
}

function Forms({ dossier }: { dossier: DossierDetail }) {
  const { t } = useI18n();
  const forms = formsFor(dossier);
  return (
    <section className="section" aria-labelledby="dossier-forms-title">
      <h2 id="dossier-forms-title">{t('dossier.formsHeading')}</h2>
      {forms.length === 0 ? <p>{t('dossier.noForms')}</p> : (
        <ul className="form-links">
          {forms.map((form) => (
            <li key={form.number}>
              <a href={formUrl(dossier.id, form.number)} target="_blank" rel="noopener" className="button button--secondary">
                {t('dossier.print', { form: t(form.key) })}<span className="visually-hidden"> {t('dossiers.newTab')}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Documents({ dossier }: { dossier: DossierDetail }) {
  const { t } = useI18n();
  return (
    <section className="section" aria-labelledby="dossier-documents-title">
      <h2 id="dossier-documents-title">{t('dossier.documentsHeading')}</h2>
      {dossier.documents.length === 0 ? <p>{t('dossier.noDocuments')}</p> : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="dossier-documents-title">
            <thead>
              <tr>
                <th scope="col">{t('dossier.document')}</th>
                <th scope="col">{t('intake.copyType')}</th>
                <th scope="col">{t('intake.count')}</th>
                <th scope="col">{t('dossier.documentReceived')}</th>
              </tr>
            </thead>
            <tbody>
              {dossier.documents.map((doc) => (
                <tr key={doc.id}>
                  <td>{doc.name}{doc.required ? '' : ` (${t('intake.docConditional')})`}</td>
                  <td>{copyTypeText(t, doc.copyType)}</td>
                  <td>{doc.count}</td>
                  <td>{doc.received ? t('dossier.yes') : <strong>{t('dossier.no')}</strong>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function itemsOf(items: unknown): MissingItem[] {
  return Array.isArray(items) ? items.filter((i): i is MissingItem => !!i && typeof i === 'object' && 'document' in i) : [];
}

function SupplementRounds({ dossier }: { dossier: DossierDetail }) {
  const { t, lang } = useI18n();
  if (!dossier.supplementRounds.length) return null;
  const at = (iso: string | null) => (iso ? formatDateTime(iso, lang) : '—');
  return (
    <section className="section" aria-labelledby="dossier-rounds-title">
      <h2 id="dossier-rounds-title">{t('dossier.roundsHeading')}</h2>
      <ol className="rounds">
        {dossier.supplementRounds.map((round, index) => (
          <li key={round.id} className="round">
            <h3 className="round__title">
              {t('dossier.round', { n: index + 1 })} — {round.stage === 'intake' ? t('dossier.roundAtIntake') : t('dossier.roundInProcessing')}
            </h3>
            <dl className="summary-list">
              <div className="summary-list__row"><dt>{t('dossier.roundRequestedAt')}</dt><dd>{at(round.requestedAt)}</dd></div>
              <div className="summary-list__row"><dt>{t('dossier.reason')}</dt><dd>{round.reason}</dd></div>
              {itemsOf(round.items).length > 0 && (
                <div className="summary-list__row">
                  <dt>{t('dossier.supplementItems')}</dt>
                  <dd><ul>{itemsOf(round.items).map((item, i) => <li key={i}>{item.document}: {item.reason}</li>)}</ul></dd>
                </div>
              )}
              {round.applicantDeadline && (
                <div className="summary-list__row"><dt>{t('dossier.applicantDeadline')}</dt><dd>{at(round.applicantDeadline)}</dd></div>
              )}
              <div className="summary-list__row">
                <dt>{t('dossier.roundCompletedAt')}</dt><dd>{round.completedAt ? at(round.completedAt) : t('dossier.roundOpen')}</dd>
              </div>
              {round.newDueAt && (
                <div className="summary-list__row">
                  <dt>{t('dossier.roundDueChange')}</dt><dd>{at(round.oldDueAt)} → {at(round.newDueAt)}</dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Payments({ dossier, onPaid }: { dossier: DossierDetail; onPaid: (updated: DossierDetail) => void }) {
  const { t, lang } = useI18n();
  const user = useUser();
  const { fees } = dossier;
  const collectable = fees.paid < fees.total && !['intake_incomplete', 'intake_refused', 'withdrawn', 'stopped'].includes(dossier.state)
    && hasAnyRole(user, ['desk_officer']);
  return (
    <section className="section" aria-labelledby="dossier-payments-title">
      <h2 id="dossier-payments-title">{t('dossier.paymentsHeading')}</h2>
      {fees.total === 0 ? <p>{t('dossier.noFees')}</p> : (
        <p>
          {t('dossier.feesLine', { total: formatVnd(fees.total, lang), paid: formatVnd(fees.paid, lang) })}
          {fees.gate && fees.paid < fees.total ? <> <strong>{t('dossier.feesDue')}</strong></> : null}
        </p>
      )}
      {dossier.payments.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-labelledby="dossier-payments-title">
            <thead>
              <tr>
                <th scope="col">{t('dossier.paidAt')}</th>
                <th scope="col">{t('dossier.amount')}</th>
                <th scope="col">{t('dossier.method')}</th>
                <th scope="col">{t('dossier.receiptNumber')}</th>
                <th scope="col">{t('dossier.refund')}</th>
              </tr>
            </thead>
            <tbody>
              {dossier.payments.map((p) => (
                <tr key={p.id}>
                  <td>{formatDateTime(p.paidAt, lang)}</td>
                  <td>{formatVnd(p.amount, lang)}</td>
                  <td>{p.method}</td>
                  <td>{p.receiptNumber ?? '—'}</td>
                  <td>{p.refundedAt ? `${formatVnd(p.refundAmount ?? 0, lang)} · ${formatDateTime(p.refundedAt, lang)}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {collectable && <PaymentForm key={dossier.version} dossier={dossier} onPaid={onPaid} />}
    </section>
  );
}
