import { useState } from 'react';
import { api } from '../../api.ts';
import type { Official } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFormErrors } from '../../components/formErrors.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { setFlash } from '../../flash.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { checkOfficial, compactPhone, officialFieldIds, optional, type OfficialValues } from './officialForm.ts';
import { OfficialForm } from './OfficialForm.tsx';

export function OfficialCreatePage() {
  const { t } = useI18n();
  const user = useUser();
  const [values, setValues] = useState<OfficialValues>({
    fullName: '', username: '', password: '', email: '', phone: '', active: true, grants: [],
    unit: user.unitId && user.unitName ? { id: user.unitId, fullName: user.unitName } : null,
  });
  const [busy, setBusy] = useState(false);
  const { errors, showProblems, showApiError } = useFormErrors(officialFieldIds);
  usePageTitle(t('officials.createTitle'), errors.any);

  const submit = async () => {
    if (showProblems(checkOfficial(values, true)) || !values.unit) return;
    setBusy(true);
    try {
      const created = await api<Official>('POST', '/api/v1/officials', {
        body: {
          username: values.username.trim(), password: values.password, fullName: values.fullName.trim(),
          unitId: values.unit.id, email: optional(values.email), phone: optional(compactPhone(values.phone)),
          grants: values.grants,
        },
      });
      setFlash('officials.created', { name: created.fullName, username: created.username });
      navigate('/can-bo/nhan-su');
    } catch (cause) {
      showApiError(cause);
      setBusy(false);
    }
  };

  return (
    <>
      <p><Link to="/can-bo/nhan-su" className="back-link">{t('common.back')}</Link></p>
      <ErrorSummary items={errors.summary} />
      <h1>{t('officials.createTitle')}</h1>
      <OfficialForm values={values} onChange={setValues} onSubmit={submit} errors={errors} creating busy={busy}
        submitLabel={t('officials.create')} />
    </>
  );
}
