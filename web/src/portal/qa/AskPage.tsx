import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useFormErrors, type Problem } from '../../components/formErrors.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, useLocation } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import type { AskedQuestion, ProcedureDetail, UnitOption } from '../citizenTypes.ts';
import { TextArea } from '../TextArea.tsx';

const fieldIds = { askerName: 'ask-name', email: 'ask-email', phone: 'ask-phone', unitId: 'ask-unit', title: 'ask-title', body: 'ask-body', procedureCode: 'ask-title' };

function check(f: { askerName: string; email: string; phone: string; title: string; body: string }): Problem[] {
  const problems: Problem[] = [];
  if (!f.askerName.trim()) problems.push([fieldIds.askerName, 'ask.nameMissing']);
  if (!f.email.trim() && !f.phone.trim()) problems.push([fieldIds.email, 'ask.contactMissing']);
  if (f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) problems.push([fieldIds.email, 'ask.emailInvalid']);
  if (f.phone.trim() && !/^(\+?84|0)\d{9,10}$/.test(f.phone.replace(/[\s.-]/g, ''))) problems.push([fieldIds.phone, 'ask.phoneInvalid']);
  if (!f.title.trim()) problems.push([fieldIds.title, 'ask.titleMissing']);
  if (!f.body.trim()) problems.push([fieldIds.body, 'ask.bodyMissing']);
  return problems;
}

/** Ask a question, optionally about a procedure (from its page) or a unit; get a reference and a secret. */
export function AskPage() {
  const { t, lang } = useI18n();
  const procedureCode = useLocation().query.get('thu-tuc') ?? '';
  const [form, setForm] = useState({ askerName: '', email: '', phone: '', unitId: '', title: '', body: '' });
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState<AskedQuestion | null>(null);
  const { errors, showProblems, showApiError } = useFormErrors(fieldIds);
  const units = useQuery('question-units', (signal) => api<{ items: UnitOption[] }>('GET', '/api/v1/public/question-units', { signal }));
  const procedure = useQuery(`procedure:${procedureCode}`, (signal) => (procedureCode
    ? api<ProcedureDetail>('GET', `/api/v1/procedures/${encodeURIComponent(procedureCode)}`, { signal })
    : Promise.resolve(null)));
  usePageTitle(asked ? t('ask.sentTitle') : t('ask.title'), errors.any);
  const set = (key: keyof typeof form, value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || showProblems(check(form))) return;
    setBusy(true);
    try {
      setAsked(await api<AskedQuestion>('POST', '/api/v1/public/questions', {
        body: {
          askerName: form.askerName.trim(), email: form.email.trim() || null, phone: form.phone.trim() || null, title: form.title.trim(),
          body: form.body.trim(), unitId: form.unitId || null, procedureCode: procedureCode || null,
        },
      }));
      window.scrollTo(0, 0);
    } catch (cause) {
      showApiError(cause);
    } finally {
      setBusy(false);
    }
  };

  if (asked) {
    return (
      <>
        <div className="confirmation" role="status">
          <h1 className="confirmation__title">{t('ask.sentTitle')}</h1>
          <div className="confirmation__body">{t('ask.reference')}<br /><strong className="confirmation__reference" data-testid="question-reference">{asked.reference}</strong></div>
        </div>
        <dl className="summary-list">
          <div className="summary-list__row"><dt>{t('ask.secret')}</dt><dd><strong className="mono" data-testid="question-secret">{asked.secret}</strong></dd></div>
          <div className="summary-list__row"><dt>{t('ask.unit')}</dt><dd>{asked.unitName}</dd></div>
          <div className="summary-list__row"><dt>{t('ask.target')}</dt><dd>{formatDateTime(asked.targetAnswerAt, lang)}</dd></div>
        </dl>
        <p>{t('ask.sentNext')}</p>
        <p><Link to={`/hoi-dap/cau-hoi/${encodeURIComponent(asked.reference)}`}>{t('ask.readLater')}</Link></p>
        <p><Link to="/hoi-dap">{t('ask.backToFaq')}</Link></p>
      </>
    );
  }

  return (
    <>
      <p><Link to="/hoi-dap" className="back-link">{t('ask.backToFaq')}</Link></p>
      <ErrorSummary items={errors.summary} />
      <h1>{t('ask.title')}</h1>
      <p className="lead">{t('ask.lead')}</p>
      {procedure.data && <p>{t('ask.aboutProcedure', { name: procedure.data.name })}</p>}
      <form onSubmit={submit} noValidate className="form">
        <TextField id={fieldIds.askerName} label={t('ask.name')} error={errors.byField[fieldIds.askerName]} autoComplete="name"
          value={form.askerName} onChange={(e) => set('askerName', e.target.value)} />
        <TextField id={fieldIds.email} label={t('ask.email')} hint={t('ask.contactHint')} error={errors.byField[fieldIds.email]} type="email" autoComplete="email"
          spellCheck={false} value={form.email} onChange={(e) => set('email', e.target.value)} />
        <TextField id={fieldIds.phone} label={t('ask.phone')} error={errors.byField[fieldIds.phone]} type="tel" inputMode="tel" autoComplete="tel" width="half"
          value={form.phone} onChange={(e) => set('phone', e.target.value)} />
        <SelectField id={fieldIds.unitId} label={`${t('ask.unit')} (${t('common.optional').toLowerCase()})`} hint={t('ask.unitHint')}
          value={form.unitId} onChange={(e) => set('unitId', e.target.value)}
          options={[{ value: '', label: t('ask.unitAny') }, ...(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName }))]} />
        <TextField id={fieldIds.title} label={t('ask.titleLabel')} hint={t('ask.titleHint')} error={errors.byField[fieldIds.title]} maxLength={300}
          value={form.title} onChange={(e) => set('title', e.target.value)} />
        <TextArea id={fieldIds.body} label={t('ask.body')} hint={t('ask.bodyHint')} error={errors.byField[fieldIds.body]} rows={8} maxLength={10000}
          value={form.body} onChange={(e) => set('body', e.target.value)} />
        <button type="submit" className="button">{busy ? t('common.working') : t('ask.submit')}</button>
      </form>
    </>
  );
}
