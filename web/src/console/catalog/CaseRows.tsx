// The editable lists of a case: documents to hand in or show, and fees. Adding a row puts focus in it; removing one
// returns focus to the "add" button, so keyboard users never lose their place.
import { useEffect, useRef } from 'react';
import { Checkbox, Fieldset, SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { newDocument, newFee, type DocumentRow, type FeeRow } from './caseForm.ts';
import { caseIds } from './ids.ts';
import { copyTypeKey } from './labels.ts';
import { copyTypes, type CopyType } from './types.ts';

function useFocusAfterRender() {
  const target = useRef<string | null>(null);
  useEffect(() => {
    if (!target.current) return;
    document.getElementById(target.current)?.focus();
    target.current = null;
  });
  return (id: string) => { target.current = id; };
}

interface RowsProps<T> {
  caseKey: string;
  caseLabel: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  errors: Record<string, string>;
}

export function DocumentsEditor({ caseKey, caseLabel, rows, onChange, errors }: RowsProps<DocumentRow>) {
  const { t } = useI18n();
  const ids = caseIds(caseKey);
  const focusNext = useFocusAfterRender();
  const update = (j: number, change: Partial<DocumentRow>) => onChange(rows.map((row, i) => (i === j ? { ...row, ...change } : row)));
  const add = () => {
    focusNext(ids.doc(rows.length, 'name'));
    onChange([...rows, newDocument()]);
  };
  const remove = (j: number) => {
    focusNext(ids.docAdd);
    onChange(rows.filter((_, i) => i !== j));
  };
  return (
    <Fieldset id={ids.docs} legend={t('catalog.documents')} hint={t('catalog.documentsHint')}>
      {!rows.length && <p>{t('catalog.noDocuments')}</p>}
      <ol className="row-list">
        {rows.map((row, j) => {
          const n = j + 1;
          return (
            <li key={j} className="row-card">
              <Fieldset id={`${ids.docs}-${j}`} legend={t('catalog.documentN', { n, case: caseLabel })}>
                <TextField id={ids.doc(j, 'name')} label={t('catalog.documentName')} error={errors[ids.doc(j, 'name')]}
                  value={row.name} onChange={(e) => update(j, { name: e.target.value })} />
                {row.kept.sourceText && <p className="hint">{t('catalog.sourceText', { text: row.kept.sourceText })}</p>}
                <div className="form-row">
                  <SelectField id={ids.doc(j, 'copy')} label={t('catalog.copyType')} value={row.copyType}
                    onChange={(e) => update(j, { copyType: e.target.value as CopyType | '' })}
                    options={[{ value: '', label: t('catalog.copyTypeNone') }, ...copyTypes.map((c) => ({ value: c, label: t(copyTypeKey(c)) }))]} />
                  <TextField id={ids.doc(j, 'count')} label={t('catalog.documentCount')} inputMode="numeric" width="short"
                    error={errors[ids.doc(j, 'count')]} value={row.count} onChange={(e) => update(j, { count: e.target.value })} />
                </div>
                <Checkbox id={ids.doc(j, 'required')} label={t('catalog.documentRequired')} checked={row.required}
                  onChange={(e) => update(j, { required: e.target.checked })} />
                <Checkbox id={ids.doc(j, 'present')} label={t('catalog.documentPresentOnly')} checked={row.presentOnly}
                  onChange={(e) => update(j, { presentOnly: e.target.checked })} />
                <TextField id={ids.doc(j, 'form')} label={t('catalog.documentForm')} hint={t('catalog.documentFormHint')}
                  error={errors[ids.doc(j, 'form')]} value={row.formFile} onChange={(e) => update(j, { formFile: e.target.value })} />
                <button type="button" className="button button--warning button--small" onClick={() => remove(j)}>
                  {t('catalog.documentRemove', { n })}
                </button>
              </Fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" id={ids.docAdd} className="button button--secondary" onClick={add}>{t('catalog.documentAdd')}</button>
    </Fieldset>
  );
}

export function FeesEditor({ caseKey, caseLabel, rows, onChange, errors }: RowsProps<FeeRow>) {
  const { t } = useI18n();
  const ids = caseIds(caseKey);
  const focusNext = useFocusAfterRender();
  const update = (j: number, change: Partial<FeeRow>) => onChange(rows.map((row, i) => (i === j ? { ...row, ...change } : row)));
  const add = () => {
    focusNext(ids.fee(rows.length, 'name'));
    onChange([...rows, newFee()]);
  };
  const remove = (j: number) => {
    focusNext(ids.feeAdd);
    onChange(rows.filter((_, i) => i !== j));
  };
  return (
    <Fieldset id={ids.fees} legend={t('catalog.fees')} hint={t('catalog.feesHint')}>
      {!rows.length && <p>{t('catalog.noFees')}</p>}
      <ol className="row-list">
        {rows.map((row, j) => {
          const n = j + 1;
          return (
            <li key={j} className="row-card">
              <Fieldset id={`${ids.fees}-${j}`} legend={t('catalog.feeN', { n, case: caseLabel })}>
                {row.sourceText && <p className="hint">{t('catalog.sourceText', { text: row.sourceText })}</p>}
                <TextField id={ids.fee(j, 'name')} label={t('catalog.feeName')} hint={t('catalog.feeNameHint')}
                  value={row.name} onChange={(e) => update(j, { name: e.target.value })} />
                <Checkbox id={ids.fee(j, 'free')} label={t('citizen.fee.free')} checked={row.free}
                  onChange={(e) => update(j, { free: e.target.checked })} />
                {!row.free && (
                  <div className="form-row">
                    <TextField id={ids.fee(j, 'amount')} label={t('catalog.feeAmount')} hint={t('catalog.feeAmountHint')} inputMode="numeric"
                      width="short" error={errors[ids.fee(j, 'amount')]} value={row.amount} onChange={(e) => update(j, { amount: e.target.value })} />
                    <TextField id={ids.fee(j, 'per')} label={t('catalog.feePer')} hint={t('catalog.feePerHint')} width="short"
                      value={row.per} onChange={(e) => update(j, { per: e.target.value })} />
                    <TextField id={ids.fee(j, 'discount')} label={t('catalog.feeDiscount')} inputMode="decimal" width="short"
                      error={errors[ids.fee(j, 'discount')]} value={row.discount} onChange={(e) => update(j, { discount: e.target.value })} />
                  </div>
                )}
                <TextField id={ids.fee(j, 'note')} label={t('catalog.feeNote')} value={row.note} onChange={(e) => update(j, { note: e.target.value })} />
                <button type="button" className="button button--warning button--small" onClick={() => remove(j)}>
                  {t('catalog.feeRemove', { n })}
                </button>
              </Fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" id={ids.feeAdd} className="button button--secondary" onClick={add}>{t('catalog.feeAdd')}</button>
    </Fieldset>
  );
}
