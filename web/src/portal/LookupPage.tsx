import { useState, type FormEvent } from 'react';
import { api, isMissingRoute } from '../api.ts';
import type { DossierLookupResult } from '../api-types.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Fieldset, Radio, TextField } from '../components/fields.tsx';
import { Notice } from '../components/Notice.tsx';
import { useFormErrors, type Problem } from '../components/formErrors.ts';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useLocation } from '../router.tsx';
import type { SubmissionStatus } from './citizenTypes.ts';
import { LookupResult } from './LookupResult.tsx';
import { InlineRating } from './ratings/InlineRating.tsx';

type Factor = 'phone' | 'secret';
const fieldIds = { code: 'lookup-code', reference: 'lookup-code', phone: 'lookup-phone', secret: 'lookup-secret' };

/** An online submission's reference (TT-260302-7KQ4MZ) rather than a dossier code. */
const isReference = (text: string) => /^TT-?\d{6}-?[A-Z2-9]{6}$/i.test(text.replace(/\s+/g, ''));

type Lookup = DossierLookupResult & { state?: string; canRate?: boolean };

function check(code: string, factor: Factor, value: string): Problem[] {
  const problems: Problem[] = [];
  if (!code.trim()) problems.push([fieldIds.code, 'lookup.codeMissing']);
  if (factor === 'phone' && !value.trim()) problems.push([fieldIds.phone, 'lookup.phoneMissing']);
  else if (factor === 'phone' && !/^\+?[0-9 ]{8,15}$/.test(value.trim())) problems.push([fieldIds.phone, 'lookup.phoneInvalid']);
  if (factor === 'secret' && !value.trim()) problems.push([fieldIds.secret, 'lookup.secretMissing']);
  return problems;
}

function fromSubmission(s: SubmissionStatus): Lookup {
  return {
    code: s.code ?? s.reference, procedureName: s.procedureName, statusLabel: s.statusLabel, statusLabelEn: s.statusLabelEn,
    status: s.state, state: s.state, receivedAt: s.receivedAt, dueAt: s.dueAt,
  };
}

/**
 * Public lookup: the exact dossier code (or the reference of an online submission) plus a second factor, sent in a
 * body so it never lands in access logs. A returned dossier can be rated here; an electronic result downloaded.
 */
export function LookupPage() {
  const { t } = useI18n();
  const initial = useLocation().query.get('ma') ?? '';
  const [code, setCode] = useState(initial);
  const [factor, setFactor] = useState<Factor>(isReference(initial) ? 'secret' : 'phone');
  const [phone, setPhone] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Lookup | null>(null);
  const [submission, setSubmission] = useState<SubmissionStatus | null>(null);
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  const [proof, setProof] = useState<{ code: string; phone?: string; secret?: string } | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const { errors, showProblems, showApiError, clear } = useFormErrors(fieldIds);
  usePageTitle(t('lookup.title'), errors.any);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setResult(null);
    setSubmission(null);
    setDownload(null);
    setUnavailable(false);
    const value = factor === 'phone' ? phone : secret;
    if (showProblems(check(code, factor, value))) return;
    setBusy(true);
    const second = factor === 'phone' ? { phone: phone.replace(/\s+/g, '') } : { secret: secret.trim() };
    try {
      if (isReference(code)) {
        const status = await api<SubmissionStatus>('POST', '/api/v1/public/submissions/lookup', { body: { reference: code.trim(), ...second } });
        setSubmission(status);
        if (status.code) await lookupDossier(status.code, second);
        else setResult(fromSubmission(status));
      } else {
        await lookupDossier(code.trim(), second);
      }
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

  const lookupDossier = async (dossierCode: string, second: { phone?: string; secret?: string }) => {
    const found = await api<Lookup>('POST', '/api/v1/public/dossiers/lookup', { body: { code: dossierCode, ...second } });
    setResult(found);
    setProof({ code: dossierCode, ...second });
    if (found.state === 'result_ready' || found.state === 'returned') {
      api<{ url: string; name: string }>('POST', '/api/v1/public/results', { body: { code: dossierCode, ...second } }).then(setDownload, () => setDownload(null));
    }
  };

  return (
    <>
      <ErrorSummary items={errors.summary} />
      <h1>{t('lookup.title')}</h1>
      <p className="lead">{t('lookup.lead')}</p>
      <form onSubmit={submit} noValidate className="form">
        <TextField id={fieldIds.code} label={t('lookup.code')} hint={t('lookup.codeHintOnline')} error={errors.byField[fieldIds.code]}
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
      {submission && (
        <Notice kind="info" title={t('lookup.submissionTitle', { reference: submission.reference })}>
          <p>{submission.code ? t('lookup.submissionAccepted', { code: submission.code }) : t('lookup.submissionWaiting', { unit: submission.unitName })}</p>
        </Notice>
      )}
      {result && <LookupResult result={result} />}
      {download && (
        <p><a className="button button--secondary" href={download.url} download={download.name}>{t('lookup.downloadResult', { name: download.name })}</a></p>
      )}
      {result?.canRate && proof && <InlineRating code={proof.code} factor={{ phone: proof.phone, secret: proof.secret }} />}
    </>
  );
}
