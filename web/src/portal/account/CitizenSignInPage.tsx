import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import { useFormErrors, type Problem } from '../../components/formErrors.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { citizenSignIn } from './useCitizen.ts';

const fieldIds = { login: 'citizen-login', password: 'citizen-password' };

/** Citizens sign in with the phone number or email of their account. */
export function CitizenSignInPage() {
  const { t } = useI18n();
  const next = useLocation().query.get('tiep');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, showProblems, showApiError } = useFormErrors(fieldIds);
  usePageTitle(t('account.signInTitle'), errors.any);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problem[] = [];
    if (!login.trim()) problems.push([fieldIds.login, 'account.loginMissing']);
    if (!password) problems.push([fieldIds.password, 'login.passwordMissing']);
    if (busy || showProblems(problems)) return;
    setBusy(true);
    try {
      const user = await citizenSignIn(login.trim(), password);
      navigate(user.kind === 'official' ? '/can-bo' : next && next.startsWith('/') && !next.startsWith('//') ? next : '/tai-khoan');
    } catch (cause) {
      showApiError(cause, fieldIds.login);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <ErrorSummary items={errors.summary} />
      <h1>{t('account.signInTitle')}</h1>
      <p>{t('account.signInLead')}</p>
      <form onSubmit={submit} noValidate className="form">
        <TextField id={fieldIds.login} label={t('account.login')} hint={t('account.loginHint')} error={errors.byField[fieldIds.login]}
          autoComplete="username" spellCheck={false} value={login} onChange={(e) => setLogin(e.target.value)} />
        <TextField id={fieldIds.password} label={t('login.password')} error={errors.byField[fieldIds.password]} type="password"
          autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" className="button">{busy ? t('login.signingIn') : t('login.submit')}</button>
      </form>
      <p>{t('account.noAccount')} <Link to="/tai-khoan/dang-ky">{t('account.register')}</Link></p>
      <p className="hint">{t('account.optional')}</p>
    </div>
  );
}
