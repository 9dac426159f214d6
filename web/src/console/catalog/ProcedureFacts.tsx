// A procedure version as it stands, read-only: a published version, an old version, or what a viewer who may not
// change the procedure sees.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { feeText } from '../../portal/format.ts';
import { copyTypeKey, durationText, onlineKey } from './labels.ts';
import type { CatalogCase, ProcedureAdminDetail } from './types.ts';
import { WorkflowStepsTable } from './WorkflowSteps.tsx';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ProcedureFacts({ detail }: { detail: ProcedureAdminDetail }) {
  const { t } = useI18n();
  const none = '—';
  return (
    <>
      <dl className="summary-list">
        <Row label={t('procedures.field')}>{detail.field ?? none}</Row>
        <Row label={t('procedures.level')}>{detail.levelText ?? none}</Row>
        <Row label={t('catalog.procedureType')}>{detail.procedureType ?? none}</Row>
        <Row label={t('catalog.implementingBody')}>{detail.implementingBody ?? none}</Row>
        <Row label={t('catalog.channels')}>{detail.channels.map((c) => t(`catalog.channel.${c}`)).join(', ') || none}</Row>
        <Row label={t('catalog.onlineLevel')}>
          {t(onlineKey(detail.onlineLevel))}
          {detail.onlineLevelReason && <span className="pre-line">{` — ${detail.onlineLevelReason}`}</span>}
        </Row>
        <Row label={t('catalog.onTheSpot')}>{detail.onTheSpot ? t('catalog.yes') : t('catalog.no')}</Row>
        <Row label={t('catalog.legalBasis')}>
          {detail.legalBasis.length ? <ul className="plain-list">{detail.legalBasis.map((l, i) => <li key={i}>{l.number ? `${l.number} — ` : ''}{l.title}</li>)}</ul> : none}
        </Row>
        <Row label={t('procedure.result')}>{detail.results.map((r) => r.name).join('; ') || none}</Row>
        <Row label={t('catalog.subjects')}>{detail.subjects.join('; ') || none}</Row>
        <Row label={t('catalog.decisionNumber')}>{detail.decisionNumber ?? none}</Row>
      </dl>
      {detail.conditions && (<><h3>{t('procedure.conditions')}</h3><p className="pre-line">{detail.conditions}</p></>)}
      {detail.steps && (<details className="details"><summary>{t('catalog.steps')}</summary><p className="pre-line">{detail.steps}</p></details>)}
    </>
  );
}

export function CaseFacts({ item, index }: { item: CatalogCase; index: number }) {
  const { t, lang } = useI18n();
  const n = index + 1;
  const headingId = `case-facts-${index}`;
  return (
    <section aria-labelledby={headingId} className="case-editor">
      <h3 id={headingId}>{item.name ? t('catalog.caseNamed', { n, name: item.name }) : t('catalog.caseN', { n })}</h3>
      <dl className="summary-list">
        <Row label={t('procedure.time')}>
          {item.processingTime ? durationText(item.processingTime, t) : <strong>{t('catalog.timeMissing')}</strong>}
          {item.needsReview && item.processingText && <span className="hint">{` (${t('catalog.sourceText', { text: item.processingText })})`}</span>}
        </Row>
        <Row label={t('procedure.fees')}>{item.fees.length ? item.fees.map((f) => feeText(f, t, lang)).join('; ') : t('catalog.noFees')}</Row>
        <Row label={t('catalog.caseWorkflow')}>{item.workflow ? t('catalog.workflowVersion', { name: item.workflow.name, n: item.workflow.versionNumber }) : '—'}</Row>
      </dl>
      {item.documents.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="caption-left">{t('catalog.documents')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalog.documentName')}</th>
                <th scope="col">{t('catalog.copyType')}</th>
                <th scope="col">{t('catalog.documentCount')}</th>
                <th scope="col">{t('catalog.documentRequired')}</th>
                <th scope="col">{t('catalog.documentForm')}</th>
              </tr>
            </thead>
            <tbody>
              {item.documents.map((d, j) => (
                <tr key={j}>
                  <td>{d.name}{d.presentOnly ? ` (${t('catalog.presentOnlyShort')})` : ''}</td>
                  <td>{d.copyType ? t(copyTypeKey(d.copyType)) : '—'}</td>
                  <td>{d.count ?? '—'}</td>
                  <td>{d.required ? t('catalog.yes') : t('catalog.no')}</td>
                  <td>{d.formFile ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p>{t('catalog.noDocuments')}</p>}
      {item.workflow && (
        <details className="details">
          <summary>{t('catalog.workflowSteps', { name: item.workflow.name })}</summary>
          <WorkflowStepsTable steps={item.workflow.steps} caption={t('catalog.workflowSteps', { name: item.workflow.name })} />
        </details>
      )}
    </section>
  );
}
