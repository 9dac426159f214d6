import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/fields.tsx';
import { useFormErrors, type Problem } from '../components/formErrors.ts';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { consoleHome } from './paths.ts';

const fieldIds = { username: 'username', password: 'password' };

/** Only a console address may be the target after sign-in (no open redirect to another site). */
function safeNext(next: string | null): string {
  return next && next.startsWith(`${consoleHome}`) && !next.startsWith('//') ? next : consoleHome;
}

export function LoginPage() {
  const { t } = useI18n();
  const { state, signIn } = useSession();
  const next = safeNext(useLocation().query.get('tiep'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, showProblems, showApiError } = useFormErrors(fieldIds);
  usePageTitle(t('login.title'), errors.any);

  // Someone already signed in who opens this page goes straight to the console.
  useEffect(() => {
    if (state.status === 'signed-in' && !busy) navigate(next, { replace: true });
  }, [state.status, busy, next]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: Problem[] = [];
    if (!username.trim()) problems.push([fieldIds.username, 'login.usernameMissing']);
    if (!password) problems.push([fieldIds.password, 'login.passwordMissing']);
    if (showProblems(problems)) return;
    setBusy(true);
    try {
      await signIn(username.trim(), password);
      navigate(next);
    } catch (cause) {
      setPassword('');
      showApiError(cause, cause instanceof ApiError && cause.status === 401 ? fieldIds.username : undefined);
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <ErrorSummary items={errors.summary} />
      <h1>{t('login.title')}</h1>
      <p className="lead">{t('login.lead')}</p>
      <form onSubmit={submit} noValidate className="form">
        <TextField id={fieldIds.username} label={t('login.username')} error={errors.byField[fieldIds.username]}
          autoComplete="username" autoCapitalize="none" spellCheck={false} value={username}
          onChange={(event) => setUsername(event.target.value)} />
        <TextField id={fieldIds.password} label={t('login.password')} error={errors.byField[fieldIds.password]}
          type="password" autoComplete="current-password" value={password}
          onChange={(event) => setPassword(event.target.value)} />
        <button type="submit" className="button">{busy ? t('login.signingIn') : t('login.submit')}</button>
      </form>
    </div>
  );
}
