import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import type { Role } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormErrors, type Problem } from '../../components/formErrors.ts';
import { Notice } from '../../components/Notice.tsx';
import { ErrorPage, LoadingPage } from '../../components/PageStatus.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import { Link } from '../../router.tsx';
import { hasAnyRole, useUser } from '../../session.tsx';
import { useQuery } from '../../useQuery.ts';
import { TextArea } from '../../portal/TextArea.tsx';
import { questionStatusKeys } from './QuestionsPage.tsx';
import type { StaffQuestion } from './types.ts';

const answerRoles: Role[] = ['system_admin', 'unit_admin', 'desk_officer', 'specialist', 'leader'];
const publishRoles: Role[] = ['system_admin', 'unit_admin', 'leader'];
const fieldIds = { answer: 'qa-answer', faqQuestion: 'qa-faq-question', faqAnswer: 'qa-faq-answer', reason: 'qa-reason' };

export function QuestionPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const q = useQuery(`question:${params.id}`, (signal) => api<StaffQuestion>('GET', `/api/v1/questions/${encodeURIComponent(params.id)}`, { signal }));
  if (q.error) return <ErrorPage title={t('staffQa.questionTitle')} error={q.error} />;
  if (!q.data) return <LoadingPage title={t('staffQa.questionTitle')} />;
  return <QuestionView key={q.data.version} loaded={q.data} reload={q.reload} />;
}

function QuestionView({ loaded, reload }: { loaded: StaffQuestion; reload: () => void }) {
  const { t, lang } = useI18n();
  const user = useUser();
  const [question, setQuestion] = useState(loaded);
  const [answer, setAnswer] = useState(loaded.answer ?? '');
  const [faqQuestion, setFaqQuestion] = useState(loaded.faqQuestion ?? loaded.suggestedFaq.question);
  const [faqAnswer, setFaqAnswer] = useState(loaded.faqAnswer ?? loaded.suggestedFaq.answer);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<MessageKey | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const { errors, showProblems, showApiError, clear } = useFormErrors(fieldIds);
  const title = t('staffQa.questionTitleRef', { reference: question.reference });
  usePageTitle(title, errors.any);
  const mayAnswer = hasAnyRole(user, answerRoles) && question.status !== 'rejected';
  const mayPublish = hasAnyRole(user, publishRoles) && question.status === 'answered';

  const act = async (path: string, body: Record<string, unknown>, problems: Problem[], message: MessageKey) => {
    setDone(null);
    if (busy || showProblems(problems)) return;
    setBusy(true);
    try {
      const updated = await api<StaffQuestion>('POST', `/api/v1/questions/${question.id}/${path}`, { body: { version: question.version, ...body } });
      setQuestion(updated);
      if (path === 'answer') {
        setFaqAnswer(updated.faqAnswer ?? updated.suggestedFaq.answer);
      }
      clear();
      setDone(message);
    } catch (cause) {
      setStale(cause instanceof ApiError && cause.code === 'stale_version');
      showApiError(cause);
    } finally {
      setBusy(false);
    }
  };

  const submitAnswer = (e: FormEvent) => {
    e.preventDefault();
    void act('answer', { answer: answer.trim() }, answer.trim() ? [] : [[fieldIds.answer, 'staffQa.answerMissing']], 'staffQa.answered');
  };
  const submitPublish = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problem[] = [];
    if (!faqQuestion.trim()) problems.push([fieldIds.faqQuestion, 'staffQa.faqQuestionMissing']);
    if (!faqAnswer.trim()) problems.push([fieldIds.faqAnswer, 'staffQa.faqAnswerMissing']);
    void act('publish', { faqQuestion: faqQuestion.trim(), faqAnswer: faqAnswer.trim() }, problems, 'staffQa.publishedDone');
  };
  const submitReject = (e: FormEvent) => {
    e.preventDefault();
    void act('reject', { reason: reason.trim() }, reason.trim() ? [] : [[fieldIds.reason, 'staffQa.reasonMissing']], 'staffQa.rejected');
  };

  return (
    <>
      <p><Link to="/can-bo/hoi-dap" className="back-link">{t('staffQa.back')}</Link></p>
      <ErrorSummary items={errors.summary} />
      {done && <Notice kind="success"><p>{t(done)}</p></Notice>}
      {stale && (
        <Notice kind="info">
          <p>{t('staffQa.stale')}</p>
          <button type="button" className="button button--secondary" onClick={reload}>{t('common.reloadLatest')}</button>
        </Notice>
      )}
      <h1>{title}</h1>
      <dl className="summary-list">
        <div className="summary-list__row"><dt>{t('ask.titleLabel')}</dt><dd>{question.title}</dd></div>
        <div className="summary-list__row"><dt>{t('ask.body')}</dt><dd className="pre-line">{question.body}</dd></div>
        <div className="summary-list__row"><dt>{t('staffQa.asker')}</dt><dd>{question.askerName}{question.askerEmail && <><br />{question.askerEmail}</>}{question.askerPhone && <><br />{question.askerPhone}</>}</dd></div>
        <div className="summary-list__row"><dt>{t('ask.unit')}</dt><dd>{question.unitName}</dd></div>
        {question.procedureCode && <div className="summary-list__row"><dt>{t('staffQa.procedure')}</dt><dd>{question.procedureCode}</dd></div>}
        <div className="summary-list__row"><dt>{t('question.askedAt')}</dt><dd>{formatDateTime(question.askedAt, lang)}</dd></div>
        <div className="summary-list__row"><dt>{t('staffQa.target')}</dt><dd>{formatDateTime(question.targetAnswerAt, lang)}{question.overdue && <> <span className="tag tag--overdue">{t('staffQa.overdue')}</span></>}</dd></div>
        <div className="summary-list__row"><dt>{t('question.status')}</dt><dd>{t(questionStatusKeys[question.status])}{question.published && <> · {t('staffQa.published')}</>}</dd></div>
      </dl>

      {question.status === 'rejected' && question.answer && <><h2>{t('question.reason')}</h2><p className="pre-line">{question.answer}</p></>}

      {mayAnswer && (
        <section className="section" aria-labelledby="answer-heading">
          <h2 id="answer-heading">{question.status === 'open' ? t('staffQa.answerHeading') : t('staffQa.amendHeading')}</h2>
          <form onSubmit={submitAnswer} noValidate className="form">
            <TextArea id={fieldIds.answer} label={t('question.answer')} hint={question.status === 'open' ? t('staffQa.answerHint') : undefined}
              error={errors.byField[fieldIds.answer]} rows={8} value={answer} onChange={(e) => setAnswer(e.target.value)} />
            <button type="submit" className="button">{question.status === 'open' ? t('staffQa.sendAnswer') : t('common.save')}</button>
          </form>
        </section>
      )}

      {mayPublish && (
        <section className="section" aria-labelledby="publish-heading">
          <h2 id="publish-heading">{t('staffQa.publishHeading')}</h2>
          <p>{t('staffQa.publishLead')}</p>
          <form onSubmit={submitPublish} noValidate className="form">
            <TextArea id={fieldIds.faqQuestion} label={t('staffQa.faqQuestion')} error={errors.byField[fieldIds.faqQuestion]} rows={4}
              value={faqQuestion} onChange={(e) => setFaqQuestion(e.target.value)} />
            <TextArea id={fieldIds.faqAnswer} label={t('staffQa.faqAnswer')} error={errors.byField[fieldIds.faqAnswer]} rows={8}
              value={faqAnswer} onChange={(e) => setFaqAnswer(e.target.value)} />
            <div className="actions">
              <button type="submit" className="button">{question.published ? t('staffQa.updatePublic') : t('staffQa.publish')}</button>
              {question.published && (
                <button type="button" className="button button--secondary" onClick={() => void act('unpublish', {}, [], 'staffQa.unpublished')}>{t('staffQa.unpublish')}</button>
              )}
            </div>
          </form>
        </section>
      )}

      {mayAnswer && question.status === 'open' && (
        <details className="details section">
          <summary>{t('staffQa.rejectHeading')}</summary>
          <form onSubmit={submitReject} noValidate className="form">
            <TextArea id={fieldIds.reason} label={t('question.reason')} hint={t('staffQa.reasonHint')} error={errors.byField[fieldIds.reason]} rows={3}
              value={reason} onChange={(e) => setReason(e.target.value)} />
            <button type="submit" className="button button--warning">{t('staffQa.reject')}</button>
          </form>
        </details>
      )}
    </>
  );
}
