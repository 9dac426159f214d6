import { useState, type FormEvent } from 'react';
import { queryString } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import { useFormErrors, type Problem } from '../../components/formErrors.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate } from '../../router.tsx';

export interface AuditFilterValues {
  subjectType: string;
  subjectId: string;
  actorId: string;
  from: string;
  to: string;
}

/** Address parameters of the audit page (short Vietnamese names, like the page addresses). */
const params: Record<keyof AuditFilterValues, string> = {
  subjectType: 'loai', subjectId: 'doi-tuong', actorId: 'nguoi', from: 'tu', to: 'den',
};

const ids: Record<keyof AuditFilterValues, string> = {
  subjectType: 'audit-subject-type', subjectId: 'audit-subject-id', actorId: 'audit-actor', from: 'audit-from', to: 'audit-to',
};

export function filtersFromQuery(query: URLSearchParams): AuditFilterValues {
  const read = (key: keyof AuditFilterValues) => query.get(params[key]) ?? '';
  return { subjectType: read('subjectType'), subjectId: read('subjectId'), actorId: read('actorId'), from: read('from'), to: read('to') };
}

/** The audit page's address for these filters. */
export function auditHref(filters: Partial<AuditFilterValues>): string {
  return `/can-bo/nhat-ky${queryString(Object.fromEntries(
    Object.entries(filters).map(([key, value]) => [params[key as keyof AuditFilterValues], value]),
  ))}`;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function check(values: AuditFilterValues): Problem[] {
  const problems: Problem[] = [];
  if (values.actorId.trim() && !uuid.test(values.actorId.trim())) problems.push([ids.actorId, 'audit.actorInvalid']);
  if (values.from && values.to && values.to < values.from) problems.push([ids.to, 'audit.toBeforeFrom']);
  return problems;
}

export function AuditFilters({ initial }: { initial: AuditFilterValues }) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const { errors, showProblems } = useFormErrors(ids);
  // The page title lives here because only the filter form can have errors on this page.
  usePageTitle(t('audit.title'), errors.any);
  const set = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) =>
    setValues({ ...values, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (showProblems(check(values))) return;
    navigate(auditHref(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]))));
  };
  const filtered = Object.values(initial).some(Boolean);

  return (
    <form className="filters filters--grid" onSubmit={submit} noValidate aria-label={t('audit.filtersLabel')}>
      <ErrorSummary items={errors.summary} />
      <TextField id={ids.subjectType} label={t('audit.subjectType')} hint={t('audit.subjectTypeHint')} list="audit-subject-types"
        error={errors.byField[ids.subjectType]} value={values.subjectType} onChange={set('subjectType')} spellCheck={false} />
      <datalist id="audit-subject-types">
        <option value="unit" /><option value="user" /><option value="api_token" />
      </datalist>
      <TextField id={ids.subjectId} label={t('audit.subjectId')} error={errors.byField[ids.subjectId]}
        value={values.subjectId} onChange={set('subjectId')} spellCheck={false} />
      <TextField id={ids.actorId} label={t('audit.actorId')} hint={t('audit.actorHint')} error={errors.byField[ids.actorId]}
        value={values.actorId} onChange={set('actorId')} spellCheck={false} />
      <TextField id={ids.from} label={t('audit.from')} type="date" width="short" error={errors.byField[ids.from]}
        value={values.from} onChange={set('from')} />
      <TextField id={ids.to} label={t('audit.to')} type="date" width="short" error={errors.byField[ids.to]}
        value={values.to} onChange={set('to')} />
      <div className="filters__actions">
        <button type="submit" className="button">{t('audit.apply')}</button>
        {filtered && <Link to="/can-bo/nhat-ky">{t('audit.clear')}</Link>}
      </div>
    </form>
  );
}
