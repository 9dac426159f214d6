import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import { useFormErrors, type Problem } from '../../components/formErrors.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate } from '../../router.tsx';
import { citizenSignIn } from './useCitizen.ts';

const fieldIds = { fullName: 'register-name', phone: 'register-phone', email: 'register-email', password: 'register-password' };

/** An optional account: the citizen's dossiers, drafts and results in one place. */
export function RegisterPage() {
  const { t } = useI18n();
  const [form, setForm] = useState({ fullName: '', phone: '', email: '', password: '' });
  const [busy, setBusy] = useState(false);
  const { errors, showProblems, showApiError } = useFormErrors(fieldIds);
  usePageTitle(t('account.registerTitle'), errors.any);
  const set = (key: keyof typeof form, value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problem[] = [];
    if (!form.fullName.trim()) problems.push([fieldIds.fullName, 'account.nameMissing']);
    if (!form.phone.trim() && !form.email.trim()) problems.push([fieldIds.phone, 'account.contactMissing']);
    if (form.phone.trim() && !/^(\+?84|0)\d{9,10}$/.test(form.phone.replace(/[\s.-]/g, ''))) problems.push([fieldIds.phone, 'ask.phoneInvalid']);
    if (form.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) problems.push([fieldIds.email, 'ask.emailInvalid']);
    if (form.password.length < 8) problems.push([fieldIds.password, 'officials.passwordShort']);
    if (busy || showProblems(problems)) return;
    setBusy(true);
    try {
      await api('POST', '/api/v1/citizen/accounts', { body: { fullName: form.fullName.trim(), phone: form.phone.trim() || null, email: form.email.trim() || null, password: form.password } });
      await citizenSignIn(form.phone.trim() || form.email.trim(), form.password);
      navigate('/tai-khoan');
    } catch (cause) {
      showApiError(cause, fieldIds.phone);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <ErrorSummary items={errors.summary} />
      <h1>{t('account.registerTitle')}</h1>
      <p>{t('account.registerLead')}</p>
      <form onSubmit={submit} noValidate className="form">
        <TextField id={fieldIds.fullName} label={t('ask.name')} error={errors.byField[fieldIds.fullName]} autoComplete="name" value={form.fullName} onChange={(e) => set('fullName', e.target.value)} />
        <TextField id={fieldIds.phone} label={t('ask.phone')} hint={t('account.contactHint')} error={errors.byField[fieldIds.phone]} type="tel" inputMode="tel" autoComplete="tel" width="half" value={form.phone} onChange={(e) => set('phone', e.target.value)} />
        <TextField id={fieldIds.email} label={t('ask.email')} error={errors.byField[fieldIds.email]} type="email" autoComplete="email" spellCheck={false} value={form.email} onChange={(e) => set('email', e.target.value)} />
        <TextField id={fieldIds.password} label={t('login.password')} hint={t('account.passwordHint')} error={errors.byField[fieldIds.password]} type="password" autoComplete="new-password" value={form.password} onChange={(e) => set('password', e.target.value)} />
        <button type="submit" className="button">{busy ? t('common.working') : t('account.registerSubmit')}</button>
      </form>
      <p>{t('account.haveAccount')} <Link to="/tai-khoan/dang-nhap">{t('login.submit')}</Link></p>
    </div>
  );
}
