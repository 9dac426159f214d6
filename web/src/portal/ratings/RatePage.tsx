import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Fieldset, Radio, TextField } from '../../components/fields.tsx';
import { useFormErrors, type Problem } from '../../components/formErrors.ts';
import { Notice } from '../../components/Notice.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, useLocation } from '../../router.tsx';
import { RatingQuestions, ratingFieldIds, type RatingDraft } from './RatingQuestions.tsx';

const fieldIds = { code: 'rate-code', phone: 'rate-proof', secret: 'rate-proof', ...ratingFieldIds };

/** Rate a returned dossier: its code with the phone number or the secret of the receipt, then the questions. */
export function RatePage() {
  const { t } = useI18n();
  const [code, setCode] = useState(useLocation().query.get('ma') ?? '');
  const [factor, setFactor] = useState<'phone' | 'secret'>('phone');
  const [proof, setProof] = useState('');
  const [value, setValue] = useState<RatingDraft>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { errors, showProblems, showApiError } = useFormErrors(fieldIds);
  usePageTitle(done ? t('rating.thanksTitle') : t('rating.title'), errors.any);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problem[] = [];
    if (!code.trim()) problems.push([fieldIds.code, 'lookup.codeMissing']);
    if (!proof.trim()) problems.push([fieldIds.phone, factor === 'phone' ? 'lookup.phoneMissing' : 'lookup.secretMissing']);
    if (!value.attitude) problems.push([ratingFieldIds.attitude, 'rating.attitudeMissing']);
    if (busy || showProblems(problems)) return;
    setBusy(true);
    try {
      const second = factor === 'phone' ? { phone: proof.replace(/\s+/g, '') } : { secret: proof.trim() };
      await api('POST', '/api/v1/public/ratings', { body: { code: code.trim(), ...second, ...value, comment: value.comment?.trim() || null } });
      setDone(true);
      window.scrollTo(0, 0);
    } catch (cause) {
      showApiError(cause, fieldIds.code);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <>
        <h1>{t('rating.thanksTitle')}</h1>
        <Notice kind="success"><p>{t('rating.thanks')}</p></Notice>
        <p><Link to="/">{t('notFound.home')}</Link></p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary items={errors.summary} />
      <h1>{t('rating.title')}</h1>
      <p className="lead">{t('rating.pageLead')}</p>
      <form onSubmit={submit} noValidate className="form">
        <TextField id={fieldIds.code} label={t('lookup.code')} hint={t('lookup.codeHint')} error={errors.byField[fieldIds.code]}
          autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} />
        <Fieldset id="rate-factor" legend={t('lookup.factor')}>
          <div className="radios">
            <Radio id="rate-factor-phone" name="factor" label={t('lookup.byPhone')} checked={factor === 'phone'} onChange={() => setFactor('phone')} />
            <Radio id="rate-factor-secret" name="factor" label={t('lookup.bySecret')} checked={factor === 'secret'} onChange={() => setFactor('secret')} />
          </div>
        </Fieldset>
        <TextField id={fieldIds.phone} label={factor === 'phone' ? t('lookup.phone') : t('lookup.secret')} error={errors.byField[fieldIds.phone]}
          type={factor === 'phone' ? 'tel' : 'text'} autoComplete="off" width="half" value={proof} onChange={(e) => setProof(e.target.value)} />
        <RatingQuestions value={value} onChange={setValue} errors={errors.byField} />
        <button type="submit" className="button">{busy ? t('common.working') : t('rating.submit')}</button>
      </form>
    </>
  );
}
