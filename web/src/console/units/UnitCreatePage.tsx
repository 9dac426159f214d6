import { useState } from 'react';
import { api } from '../../api.ts';
import type { Unit, UnitDetail, UnitKind } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormErrors } from '../../components/formErrors.ts';
import { ErrorPage, LoadingPage } from '../../components/PageStatus.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { setFlash } from '../../flash.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import { blank, checkUnit, UnitForm, unitFieldIds, type UnitValues } from './UnitForm.tsx';

/** The kind most often created under a parent of this kind. */
function likelyChildKind(parent: Unit | undefined): UnitKind {
  if (!parent) return 'province';
  if (parent.kind === 'province') return 'commune';
  return 'department';
}

export function UnitCreatePage() {
  const { t } = useI18n();
  const parentId = useLocation().query.get('cha');
  const parent = useQuery(`unit:${parentId}`, (signal) =>
    parentId ? api<UnitDetail>('GET', `/api/v1/units/${encodeURIComponent(parentId)}`, { signal }) : Promise.resolve(null));
  if (parent.error) return <ErrorPage title={t('units.createUnit')} error={parent.error} />;
  if (parent.loading || parent.data === undefined) return <LoadingPage title={t('units.createUnit')} />;
  return <CreateForm parent={parent.data?.unit} />;
}

function CreateForm({ parent }: { parent: Unit | undefined }) {
  const { t } = useI18n();
  const [values, setValues] = useState<UnitValues>({
    name: '', fullName: '', kind: likelyChildKind(parent), code: '', agencyCode: '', validFrom: '', validTo: '',
  });
  const [busy, setBusy] = useState(false);
  const { errors, showProblems, showApiError } = useFormErrors(unitFieldIds);
  const title = parent ? t('units.createUnder', { parent: parent.fullName }) : t('units.createRoot');
  usePageTitle(title, errors.any);
  const back = parent ? `/can-bo/don-vi?cha=${parent.id}` : '/can-bo/don-vi';

  const submit = async () => {
    if (showProblems(checkUnit(values, false))) return;
    setBusy(true);
    try {
      const created = await api<Unit>('POST', '/api/v1/units', {
        body: {
          kind: values.kind, name: values.name.trim(), parentId: parent?.id ?? null, code: blank(values.code),
          agencyCode: blank(values.agencyCode), validFrom: blank(values.validFrom), validTo: blank(values.validTo),
          ...(values.fullName.trim() ? { fullName: values.fullName.trim() } : {}),
        },
      });
      setFlash('units.created', { name: created.fullName });
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
      <UnitForm values={values} onChange={setValues} onSubmit={submit} errors={errors} busy={busy}
        submitLabel={t('units.create')} fullNameHint={t('units.fullNameHintCreate')} />
    </>
  );
}
