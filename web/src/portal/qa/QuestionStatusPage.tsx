import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import { useFormErrors, type Problem } from '../../components/formErrors.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import type { QuestionStatus } from '../citizenTypes.ts';

const fieldIds = { reference: 'question-reference', secret: 'question-proof' };

/** The asker reads the answer: the reference plus the secret, or the phone number or email given when asking. */
export function QuestionStatusPage({ params }: { params: Record<string, string> }) {
  const { t, lang } = useI18n();
  const [reference, setReference] = useState(params.reference ?? '');
  const [proof, setProof] = useState('');
  const [busy, setBusy] = useState(false);
  const [question, setQuestion] = useState<QuestionStatus | null>(null);
  const { errors, showProblems, showApiError, clear } = useFormErrors(fieldIds);
  usePageTitle(t('question.title'), errors.any);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problem[] = [];
    if (!reference.trim()) problems.push([fieldIds.reference, 'question.referenceMissing']);
    if (!proof.trim()) problems.push([fieldIds.secret, 'question.proofMissing']);
    if (busy || showProblems(problems)) return;
    setBusy(true);
    const value = proof.trim();
    const factor = value.includes('@') ? { email: value } : /^[+\d\s.-]{8,}$/.test(value) ? { phone: value.replace(/[\s.-]/g, '') } : { secret: value };
    try {
      setQuestion(await api<QuestionStatus>('POST', '/api/v1/public/questions/lookup', { body: { reference: reference.trim(), ...factor } }));
      clear();
    } catch (cause) {
      setQuestion(null);
      showApiError(cause, fieldIds.reference);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p><Link to="/hoi-dap" className="back-link">{t('ask.backToFaq')}</Link></p>
      <ErrorSummary items={errors.summary} />
      <h1>{t('question.title')}</h1>
      <form onSubmit={submit} noValidate className="form">
        <TextField id={fieldIds.reference} label={t('question.reference')} hint={t('question.referenceHint')} error={errors.byField[fieldIds.reference]}
          autoComplete="off" spellCheck={false} width="half" value={reference} onChange={(e) => setReference(e.target.value)} />
        <TextField id={fieldIds.secret} label={t('question.proof')} hint={t('question.proofHint')} error={errors.byField[fieldIds.secret]}
          autoComplete="off" spellCheck={false} width="half" value={proof} onChange={(e) => setProof(e.target.value)} />
        <button type="submit" className="button">{busy ? t('common.working') : t('question.submit')}</button>
      </form>
      {question && (
        <section className="panel" aria-labelledby="question-heading">
          <h2 id="question-heading">{question.title}</h2>
          <p className="pre-line">{question.body}</p>
          <dl className="summary-list">
            <div className="summary-list__row"><dt>{t('ask.unit')}</dt><dd>{question.unitName}</dd></div>
            <div className="summary-list__row"><dt>{t('question.askedAt')}</dt><dd>{formatDateTime(question.askedAt, lang)}</dd></div>
            <div className="summary-list__row"><dt>{t('question.status')}</dt><dd>{t(`question.status.${question.status}`)}</dd></div>
            {question.status === 'open' && <div className="summary-list__row"><dt>{t('ask.target')}</dt><dd>{formatDateTime(question.targetAnswerAt, lang)}</dd></div>}
          </dl>
          {question.answer && (
            <>
              <h3>{question.status === 'rejected' ? t('question.reason') : t('question.answer')}</h3>
              <p className="pre-line">{question.answer}</p>
              {question.answeredAt && <p className="hint">{formatDateTime(question.answeredAt, lang)}</p>}
            </>
          )}
        </section>
      )}
    </>
  );
}
