import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import type { Official } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import { useFormErrors } from '../../components/formErrors.ts';
import { ErrorPage, LoadingPage } from '../../components/PageStatus.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { setFlash } from '../../flash.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';

const fieldIds = { password: 'new-password' };

/** An administrator sets a new password for an official (who forgot theirs); audited by the server. */
export function OfficialPasswordPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const official = useQuery(`official:${params.id}`, (signal) =>
    api<Official>('GET', `/api/v1/officials/${encodeURIComponent(params.id)}`, { signal }));
  if (official.error) return <ErrorPage title={t('officials.resetPassword')} error={official.error} />;
  if (!official.data) return <LoadingPage title={t('officials.resetPassword')} />;
  return <PasswordForm official={official.data} />;
}

function PasswordForm({ official }: { official: Official }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, showProblems, showApiError } = useFormErrors(fieldIds);
  const title = t('officials.resetTitle', { name: official.fullName });
  usePageTitle(title, errors.any);
  const back = `/can-bo/nhan-su/${official.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || showProblems(password.length < 8 ? [[fieldIds.password, 'officials.passwordShort']] : [])) return;
    setBusy(true);
    try {
      await api<Official>('PATCH', `/api/v1/officials/${official.id}`, { body: { version: official.version, password } });
      setFlash('officials.passwordReset', { name: official.fullName });
      navigate(back);
    } catch (cause) {
      showApiError(cause);
      setBusy(false);
    }
  };

  return (
    <>
      <p><Link to={back} className="back-link">{t('common.back')}</Link></p>
      <ErrorSummary items={errors.summary} />
      <h1>{title}</h1>
      <form onSubmit={submit} noValidate className="form">
        <TextField id={fieldIds.password} label={t('officials.newPassword')} hint={t('officials.passwordHint')}
          error={errors.byField[fieldIds.password]} type="password" autoComplete="new-password" width="half"
          value={password} onChange={(event) => setPassword(event.target.value)} />
        <button type="submit" className="button">{busy ? t('common.working') : t('officials.setPassword')}</button>
      </form>
    </>
  );
}
