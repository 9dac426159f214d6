import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Checkbox, Fieldset, SelectField, TextField } from '../../components/fields.tsx';
import { useFormErrors, type Problem } from '../../components/formErrors.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { setFlash } from '../../flash.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { useQuery } from '../../useQuery.ts';
import { levelKey } from './labels.ts';
import { adminProcedurePath, catalogAdminPath } from './paths.ts';
import { procedureLevels, type FieldCount, type ProcedureAdminDetail, type ProcedureLevel } from './types.ts';
import { ownerChoices } from './ownerChoices.ts';

const ids = { code: 'new-code', name: 'new-name', field: 'new-field', levels: 'new-levels', ownerUnitId: 'new-owner' };
const codePattern = /^[0-9A-Za-z][0-9A-Za-z._-]{0,49}$/;

/** A new procedure starts as a draft with one empty case; the rest is filled in on its page, then published. */
export function ProcedureCreatePage() {
  const { t } = useI18n();
  const user = useUser();
  const owners = ownerChoices(user);
  const fields = useQuery('catalog-fields', (signal) => api<{ items: FieldCount[] }>('GET', '/api/v1/procedure-fields', { signal }));
  const [values, setValues] = useState({ code: '', name: '', field: '', levels: ['commune'] as ProcedureLevel[], ownerUnitId: owners[0]?.id ?? '' });
  const [busy, setBusy] = useState(false);
  const { errors, showProblems, showApiError } = useFormErrors(ids);
  usePageTitle(t('catalog.createTitle'), errors.any);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: Problem[] = [];
    if (!values.code.trim()) problems.push([ids.code, 'catalog.codeMissing']);
    else if (!codePattern.test(values.code.trim())) problems.push([ids.code, 'catalog.codeInvalid']);
    if (!values.name.trim()) problems.push([ids.name, 'catalog.nameMissing']);
    if (showProblems(problems)) return;
    setBusy(true);
    try {
      const created = await api<ProcedureAdminDetail>('POST', '/api/v1/procedures', {
        body: {
          code: values.code.trim(), name: values.name.trim(), field: values.field.trim() || null, levels: values.levels,
          ownerUnitId: values.ownerUnitId || null,
        },
      });
      setFlash('catalog.created', { code: created.code });
      navigate(adminProcedurePath(created.code));
    } catch (cause) {
      showApiError(cause, cause instanceof ApiError && cause.code === 'code_taken' ? ids.code : undefined);
      setBusy(false);
    }
  };
  const toggleLevel = (level: ProcedureLevel, on: boolean) =>
    setValues({ ...values, levels: on ? [...values.levels, level] : values.levels.filter((l) => l !== level) });

  return (
    <>
      <p><Link to={catalogAdminPath} className="back-link">{t('catalog.backToList')}</Link></p>
      <ErrorSummary items={errors.summary} />
      <h1>{t('catalog.createTitle')}</h1>
      <p className="lead">{t('catalog.createLead')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField id={ids.code} label={t('procedures.code')} hint={t('catalog.codeHint')} width="half" spellCheck={false}
          error={errors.byField[ids.code]} value={values.code} onChange={(e) => setValues({ ...values, code: e.target.value })} />
        <TextField id={ids.name} label={t('catalog.name')} error={errors.byField[ids.name]} value={values.name}
          onChange={(e) => setValues({ ...values, name: e.target.value })} />
        <TextField id={ids.field} label={t('procedures.field')} hint={t('catalog.fieldHint')} list="catalog-field-list"
          error={errors.byField[ids.field]} value={values.field} onChange={(e) => setValues({ ...values, field: e.target.value })} />
        <datalist id="catalog-field-list">{fields.data?.items.map((f) => <option key={f.field} value={f.field} />)}</datalist>
        <Fieldset id={ids.levels} legend={t('procedures.level')} error={errors.byField[ids.levels]}>
          {procedureLevels.map((level) => (
            <Checkbox key={level} id={`${ids.levels}-${level}`} label={t(levelKey(level))} checked={values.levels.includes(level)}
              onChange={(e) => toggleLevel(level, e.target.checked)} />
          ))}
        </Fieldset>
        <SelectField id={ids.ownerUnitId} label={t('catalog.owner')} hint={t('catalog.ownerHint')} error={errors.byField[ids.ownerUnitId]}
          value={values.ownerUnitId} onChange={(e) => setValues({ ...values, ownerUnitId: e.target.value })}
          options={owners.map((o) => ({ value: o.id, label: o.id ? o.name : t('catalog.ownerNational') }))} />
        <button type="submit" className="button">{busy ? t('common.working') : t('catalog.createSubmit')}</button>
      </form>
    </>
  );
}
