import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import type { Official, OfficialPatch } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { FlashNotice } from '../../components/FlashNotice.tsx';
import { useFormErrors } from '../../components/formErrors.ts';
import { Notice } from '../../components/Notice.tsx';
import { ErrorPage, LoadingPage } from '../../components/PageStatus.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import { checkOfficial, compactPhone, officialFieldIds, optional, valuesOf, type OfficialValues } from './officialForm.ts';
import { OfficialForm } from './OfficialForm.tsx';

export function OfficialEditPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const official = useQuery(`official:${params.id}`, (signal) =>
    api<Official>('GET', `/api/v1/officials/${encodeURIComponent(params.id)}`, { signal }));
  if (official.error) return <ErrorPage title={t('officials.editOfficial')} error={official.error} />;
  if (!official.data) return <LoadingPage title={t('officials.editOfficial')} />;
  return <EditForm key={official.data.version} official={official.data} reload={official.reload} />;
}

function EditForm({ official: loaded, reload }: { official: Official; reload: () => void }) {
  const { t } = useI18n();
  const [official, setOfficial] = useState(loaded);
  const [values, setValues] = useState<OfficialValues>(() => valuesOf(loaded));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [stale, setStale] = useState(false);
  const { errors, showProblems, showApiError, clear } = useFormErrors(officialFieldIds);
  const title = t('officials.editTitle', { name: official.fullName });
  usePageTitle(title, errors.any);

  const submit = async () => {
    setSaved(false);
    if (showProblems(checkOfficial(values, false))) return;
    setBusy(true);
    try {
      const updated = await api<Official>('PATCH', `/api/v1/officials/${official.id}`, { body: changes(official, values) });
      setOfficial(updated);
      setValues(valuesOf(updated));
      clear();
      setSaved(true);
    } catch (cause) {
      setStale(cause instanceof ApiError && cause.status === 409 && cause.code === 'stale_version');
      showApiError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p><Link to="/can-bo/nhan-su" className="back-link">{t('officials.backToList')}</Link></p>
      <ErrorSummary items={errors.summary} />
      <FlashNotice />
      {saved && <Notice kind="success"><p>{t('officials.saved')}</p></Notice>}
      <h1>{title}</h1>
      <p>{t('officials.usernameIs', { username: official.username })}</p>
      {stale && (
        <Notice kind="info">
          <p>{t('officials.staleHelp')}</p>
          <button type="button" className="button button--secondary" onClick={reload}>{t('common.reloadLatest')}</button>
        </Notice>
      )}
      <OfficialForm values={values} onChange={setValues} onSubmit={submit} errors={errors} creating={false} busy={busy}
        submitLabel={t('common.save')} />
      <h2>{t('officials.passwordTitle')}</h2>
      <p><Link to={`/can-bo/nhan-su/${official.id}/mat-khau`}>{t('officials.resetPassword')}</Link></p>
    </>
  );
}

/** Only what changed, with the version the form was loaded at. */
function changes(official: Official, values: OfficialValues): OfficialPatch {
  const patch: OfficialPatch = { version: official.version };
  if (values.fullName.trim() !== official.fullName) patch.fullName = values.fullName.trim();
  if (optional(values.email) !== official.email) patch.email = optional(values.email);
  const phone = optional(compactPhone(values.phone));
  if (phone !== official.phone) patch.phone = phone;
  if (values.unit && values.unit.id !== official.unitId) patch.unitId = values.unit.id;
  if (values.active !== official.active) patch.active = values.active;
  const key = (grants: OfficialValues['grants']) => grants.map((g) => `${g.role}:${g.unitId}`).sort().join('|');
  if (key(values.grants) !== key(official.grants)) patch.grants = values.grants;
  return patch;
}
