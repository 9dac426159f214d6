import { useState, type FormEvent } from 'react';
import { api, isMissingRoute } from '../api.ts';
import type { DossierLookupResult } from '../api-types.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Fieldset, Radio, TextField } from '../components/fields.tsx';
import { Notice } from '../components/Notice.tsx';
import { useFormErrors, type Problem } from '../components/formErrors.ts';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LookupResult } from './LookupResult.tsx';

type Factor = 'phone' | 'secret';
const fieldIds = { code: 'lookup-code', phone: 'lookup-phone', secret: 'lookup-secret' };

function check(code: string, factor: Factor, value: string): Problem[] {
  const problems: Problem[] = [];
  if (!code.trim()) problems.push([fieldIds.code, 'lookup.codeMissing']);
  if (factor === 'phone' && !value.trim()) problems.push([fieldIds.phone, 'lookup.phoneMissing']);
  else if (factor === 'phone' && !/^\+?[0-9 ]{8,15}$/.test(value.trim())) problems.push([fieldIds.phone, 'lookup.phoneInvalid']);
  if (factor === 'secret' && !value.trim()) problems.push([fieldIds.secret, 'lookup.secretMissing']);
  return problems;
}

/** Public dossier lookup: exact code plus a second factor, sent in a body so it never lands in access logs. */
export function LookupPage() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [factor, setFactor] = useState<Factor>('phone');
  const [phone, setPhone] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DossierLookupResult | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const { errors, showProblems, showApiError, clear } = useFormErrors(fieldIds);
  usePageTitle(t('lookup.title'), errors.any);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setResult(null);
    setUnavailable(false);
    const value = factor === 'phone' ? phone : secret;
    if (showProblems(check(code, factor, value))) return;
    setBusy(true);
    try {
      const body = factor === 'phone'
        ? { code: code.trim(), phone: phone.replace(/\s+/g, '') }
        : { code: code.trim(), secret: secret.trim() };
      setResult(await api<DossierLookupResult>('POST', '/api/v1/public/dossiers/lookup', { body }));
      clear();
    } catch (cause) {
      // Before the dossier module is installed the route itself is missing: say so plainly, not "not found".
      if (isMissingRoute(cause)) {
        clear();
        setUnavailable(true);
      } else {
        showApiError(cause);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary items={errors.summary} />
      <h1>{t('lookup.title')}</h1>
      <p className="lead">{t('lookup.lead')}</p>
      <form onSubmit={submit} noValidate className="form">
        <TextField id={fieldIds.code} label={t('lookup.code')} hint={t('lookup.codeHint')} error={errors.byField[fieldIds.code]}
          value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} />
        <Fieldset id="lookup-factor" legend={t('lookup.factor')}>
          <div className="radios">
            <Radio id="lookup-factor-phone" name="factor" label={t('lookup.byPhone')} checked={factor === 'phone'}
              onChange={() => setFactor('phone')} />
            <Radio id="lookup-factor-secret" name="factor" label={t('lookup.bySecret')} checked={factor === 'secret'}
              onChange={() => setFactor('secret')} />
          </div>
        </Fieldset>
        {factor === 'phone' ? (
          <TextField id={fieldIds.phone} label={t('lookup.phone')} hint={t('lookup.phoneHint')} error={errors.byField[fieldIds.phone]}
            type="tel" inputMode="tel" autoComplete="tel" width="half" value={phone} onChange={(e) => setPhone(e.target.value)} />
        ) : (
          <TextField id={fieldIds.secret} label={t('lookup.secret')} hint={t('lookup.secretHint')} error={errors.byField[fieldIds.secret]}
            autoComplete="off" spellCheck={false} width="half" value={secret} onChange={(e) => setSecret(e.target.value)} />
        )}
        <button type="submit" className="button">{busy ? t('common.working') : t('lookup.submit')}</button>
      </form>
      {unavailable && (
        <Notice kind="error" title={t('lookup.unavailableTitle')}><p>{t('lookup.unavailableBody')}</p></Notice>
      )}
      {result && <LookupResult result={result} />}
    </>
  );
}
