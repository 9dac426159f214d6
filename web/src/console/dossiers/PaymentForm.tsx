import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useFormErrors } from '../../components/formErrors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { DossierDetail } from './types.ts';

const ids = { amount: 'payment-amount', method: 'payment-method', receiptNumber: 'payment-receipt' };
const methods = ['cash', 'transfer', 'card', 'online'] as const;

/** The desk records a fee payment; an unpaid dossier cannot be returned. Sends the version the page was loaded at. */
export function PaymentForm({ dossier, onPaid }: { dossier: DossierDetail; onPaid: (updated: DossierDetail) => void }) {
  const { t } = useI18n();
  const due = Math.max(0, dossier.fees.total - dossier.fees.paid);
  const [amount, setAmount] = useState(String(due));
  const [method, setMethod] = useState<(typeof methods)[number]>('cash');
  const [receiptNumber, setReceiptNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, showProblems, showApiError, clear } = useFormErrors(ids);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(amount.replace(/[.\s]/g, ''));
    if (showProblems(Number.isInteger(value) && value > 0 ? [] : [[ids.amount, 'payment.amountInvalid']])) return;
    setBusy(true);
    try {
      const updated = await api<DossierDetail>('POST', `/api/v1/dossiers/${dossier.id}/payments`, {
        body: { version: dossier.version, amount: value, method, receiptNumber: receiptNumber.trim() || null },
      });
      clear();
      onPaid(updated);
    } catch (cause) {
      showApiError(cause, ids.amount);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form action-form" onSubmit={submit} noValidate aria-labelledby="payment-title">
      <h3 id="payment-title">{t('payment.title')}</h3>
      <ErrorSummary items={errors.summary} />
      <TextField id={ids.amount} label={t('payment.amount')} inputMode="numeric" width="short" value={amount}
        onChange={(e) => setAmount(e.target.value)} error={errors.byField[ids.amount]} />
      <SelectField id={ids.method} label={t('dossier.method')} value={method} onChange={(e) => setMethod(e.target.value as typeof method)}
        options={methods.map((m) => ({ value: m, label: t(`payment.method.${m}`) }))} />
      <TextField id={ids.receiptNumber} label={t('dossier.receiptNumber')} width="short" value={receiptNumber}
        onChange={(e) => setReceiptNumber(e.target.value)} error={errors.byField[ids.receiptNumber]} />
      <button type="submit" className="button" disabled={busy}>{t('payment.submit')}</button>
    </form>
  );
}
