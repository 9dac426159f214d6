import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatVnd } from '../dossiers/labels.ts';
import type { CatalogueFee, CopyType } from '../dossiers/types.ts';
import { docId, ids, type ChecklistRow } from './intakeForm.ts';

interface Props {
  rows: ChecklistRow[];
  onChange: (rows: ChecklistRow[]) => void;
  errors: Record<string, string>;
  shortcut: string;
}

const copyTypes: CopyType[] = ['original', 'copy', 'certified_copy'];

/** The case's documents, each with what was handed in (original or copy, how many) and a "received" tick. */
export function Checklist({ rows, onChange, errors, shortcut }: Props) {
  const { t } = useI18n();
  const allReceived = rows.length > 0 && rows.every((row) => row.received);
  const update = (index: number, change: Partial<ChecklistRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const tickAll = () => onChange(rows.map((row) => ({ ...row, received: !allReceived })));
  const tickError = errors[ids.tickAll];

  return (
    <fieldset className={`fieldset intake__section${tickError ? ' form-group--error' : ''}`} aria-describedby="intake-docs-hint">
      <legend className="legend legend--section">{t('intake.documentsHeading')}</legend>
      <p className="hint" id="intake-docs-hint">{t('intake.documentsHint')}</p>
      {tickError && <p className="error-message"><span className="visually-hidden">{t('common.errorPrefix')}</span>{tickError}</p>}
      {rows.length === 0 ? <p>{t('intake.noDocuments')}</p> : (
        <>
          <button type="button" id={ids.tickAll} className="button button--secondary" onClick={tickAll} aria-keyshortcuts={shortcut}>
            {allReceived ? t('intake.untickAll') : t('intake.tickAll')} <kbd className="shortcut" aria-hidden="true">{shortcut}</kbd>
          </button>
          <ol className="checklist">
            {rows.map((row, index) => (
              <li key={`${index}:${row.name}`} className={`checklist__item${errors[docId(index, 'received')] ? ' form-group--error' : ''}`}>
                <fieldset className="fieldset">
                  <legend className="checklist__name">
                    {row.name}
                    {' '}<span className={`tag ${row.required && !row.conditional ? 'tag--required' : 'tag--grey'}`}>
                      {row.presentOnly ? t('intake.docPresent') : row.required && !row.conditional ? t('intake.docRequired') : t('intake.docConditional')}
                    </span>
                  </legend>
                  {errors[docId(index, 'received')] && (
                    <p className="error-message" id={`${docId(index, 'received')}-error`}>
                      <span className="visually-hidden">{t('common.errorPrefix')}</span>{errors[docId(index, 'received')]}
                    </p>
                  )}
                  <div className="checklist__controls">
                    <div className="checkbox checklist__received">
                      <input id={docId(index, 'received')} name={docId(index, 'received')} type="checkbox" checked={row.received}
                        aria-describedby={errors[docId(index, 'received')] ? `${docId(index, 'received')}-error` : undefined}
                        onChange={(e) => update(index, { received: e.target.checked })} />
                      <label htmlFor={docId(index, 'received')}>
                        {row.presentOnly ? t('intake.presented') : t('intake.received')}
                        <span className="visually-hidden">: {row.name}</span>
                      </label>
                    </div>
                    <div className="checklist__field">
                      <label className="label label--small" htmlFor={docId(index, 'copy')}>{t('intake.copyType')}</label>
                      <select id={docId(index, 'copy')} className="select" value={row.copyType}
                        onChange={(e) => update(index, { copyType: e.target.value as CopyType })}>
                        {copyTypes.map((type) => <option key={type} value={type}>{t(`dossiers.copyType.${type}`)}</option>)}
                      </select>
                    </div>
                    <div className={`checklist__field${errors[docId(index, 'count')] ? ' form-group--error' : ''}`}>
                      <label className="label label--small" htmlFor={docId(index, 'count')}>{t('intake.count')}</label>
                      {errors[docId(index, 'count')] && (
                        <p className="error-message" id={`${docId(index, 'count')}-error`}>
                          <span className="visually-hidden">{t('common.errorPrefix')}</span>{errors[docId(index, 'count')]}
                        </p>
                      )}
                      <input id={docId(index, 'count')} className="input input--count" inputMode="numeric" autoComplete="off" maxLength={3}
                        aria-invalid={errors[docId(index, 'count')] ? true : undefined}
                        aria-describedby={errors[docId(index, 'count')] ? `${docId(index, 'count')}-error` : undefined}
                        value={row.count} onChange={(e) => update(index, { count: e.target.value })} />
                    </div>
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
        </>
      )}
    </fieldset>
  );
}

/** Fees and charges of the case, as the catalogue lists them. */
export function Fees({ fees }: { fees: CatalogueFee[] }) {
  const { t, lang } = useI18n();
  const total = fees.reduce((sum, fee) => sum + (fee.free ? 0 : fee.amountVnd ?? 0), 0);
  return (
    <section className="intake__section" aria-labelledby="intake-fees-title">
      <h2 id="intake-fees-title" className="legend legend--section">{t('intake.feesHeading')}</h2>
      {fees.length === 0 ? <p>{t('intake.feesNone')}</p> : (
        <ul className="fee-list">
          {fees.map((fee, index) => (
            <li key={index}>
              {fee.name ? `${fee.name}: ` : ''}
              <strong>{fee.free ? t('intake.free') : fee.amountVnd !== null ? formatVnd(fee.amountVnd, lang) : fee.feeText ?? t('intake.feeUnknown')}</strong>
              {fee.per ? ` / ${fee.per}` : ''}
              {fee.note ? <span className="hint"> — {fee.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {total > 0 && <p>{t('intake.feesTotal', { amount: formatVnd(total, lang) })}</p>}
    </section>
  );
}
