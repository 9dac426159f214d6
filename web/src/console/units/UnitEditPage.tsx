import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import type { Unit, UnitDetail } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormErrors } from '../../components/formErrors.ts';
import { Notice } from '../../components/Notice.tsx';
import { ErrorPage, LoadingPage } from '../../components/PageStatus.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import { blank, checkUnit, UnitForm, unitFieldIds, valuesOf, type UnitValues } from './UnitForm.tsx';
import { UnitHistory } from './UnitHistory.tsx';

export function UnitEditPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const detail = useQuery(`unit:${params.id}`, (signal) =>
    api<UnitDetail>('GET', `/api/v1/units/${encodeURIComponent(params.id)}`, { signal }));
  if (detail.error) return <ErrorPage title={t('units.editUnit')} error={detail.error} />;
  if (!detail.data) return <LoadingPage title={t('units.editUnit')} />;
  // Keyed by version: after a reload the form starts again from what is stored now.
  return <EditForm key={detail.data.unit.version} detail={detail.data} reload={detail.reload} />;
}

function EditForm({ detail, reload }: { detail: UnitDetail; reload: () => void }) {
  const { t } = useI18n();
  const [unit, setUnit] = useState(detail.unit);
  const [values, setValues] = useState<UnitValues>(() => valuesOf(detail.unit));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [stale, setStale] = useState(false);
  const { errors, showProblems, showApiError, clear } = useFormErrors(unitFieldIds);
  const title = t('units.editTitle', { name: unit.fullName });
  usePageTitle(title, errors.any);
  const back = unit.parentId ? `/can-bo/don-vi?cha=${unit.parentId}` : '/can-bo/don-vi';

  const submit = async () => {
    setSaved(false);
    if (showProblems(checkUnit(values, true))) return;
    setBusy(true);
    try {
      const updated = await api<Unit>('PATCH', `/api/v1/units/${unit.id}`, { body: changes(unit, values) });
      setUnit(updated);
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
      <p><Link to={back} className="back-link">{t('units.backToList')}</Link></p>
      <ErrorSummary items={errors.summary} />
      {saved && <Notice kind="success"><p>{t('units.saved')}</p></Notice>}
      <h1>{title}</h1>
      {stale && (
        <Notice kind="info">
          <p>{t('units.staleHelp')}</p>
          <button type="button" className="button button--secondary" onClick={reload}>{t('common.reloadLatest')}</button>
        </Notice>
      )}
      <UnitForm values={values} onChange={setValues} onSubmit={submit} errors={errors} busy={busy} submitLabel={t('common.save')} />
      <p><Link to={`/can-bo/nhan-su?donvi=${unit.id}`}>{t('units.officialsOf', { name: unit.fullName })}</Link></p>
      <UnitHistory detail={detail} />
    </>
  );
}

/** Only what changed goes to the server, with the version the form was loaded at. */
function changes(unit: Unit, values: UnitValues): Record<string, unknown> {
  const next = {
    name: values.name.trim(), fullName: values.fullName.trim(), kind: values.kind, code: blank(values.code),
    agencyCode: blank(values.agencyCode), validFrom: blank(values.validFrom), validTo: blank(values.validTo),
  };
  const body: Record<string, unknown> = { version: unit.version };
  for (const [field, value] of Object.entries(next)) {
    if (value !== unit[field as keyof typeof next]) body[field] = value;
  }
  return body;
}
