import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormErrors } from '../../components/formErrors.ts';
import { Notice } from '../../components/Notice.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { RatingQuestions, ratingFieldIds, type RatingDraft } from './RatingQuestions.tsx';

/** Rating a returned dossier after looking it up: the code and second factor are already proved on this page. */
export function InlineRating({ code, factor, onRated }: { code: string; factor: { phone?: string; secret?: string }; onRated?: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState<RatingDraft>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const { errors, showProblems, showApiError } = useFormErrors(ratingFieldIds);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || showProblems(value.attitude ? [] : [[ratingFieldIds.attitude, 'rating.attitudeMissing']])) return;
    setBusy(true);
    try {
      await api('POST', '/api/v1/public/ratings', { body: { code, ...factor, ...value, comment: value.comment?.trim() || null } });
      setDone(true);
      onRated?.();
    } catch (cause) {
      showApiError(cause);
    } finally {
      setBusy(false);
    }
  };

  if (done) return <Notice kind="success" title={t('rating.thanksTitle')}><p>{t('rating.thanks')}</p></Notice>;
  return (
    <section className="panel" aria-labelledby="rating-heading">
      <h2 id="rating-heading">{t('rating.title')}</h2>
      <p>{t('rating.lead')}</p>
      <ErrorSummary items={errors.summary} />
      <form onSubmit={submit} noValidate className="form">
        <RatingQuestions value={value} onChange={setValue} errors={errors.byField} />
        <button type="submit" className="button">{busy ? t('common.working') : t('rating.submit')}</button>
      </form>
    </section>
  );
}
