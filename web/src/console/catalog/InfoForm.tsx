import { useState, type FormEvent } from 'react';
import { Checkbox, Fieldset, Radio, TextField } from '../../components/fields.tsx';
import type { Problem } from '../../components/formErrors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { TextArea } from '../dossiers/formParts.tsx';
import { firstOf, infoIds as ids } from './ids.ts';
import { levelKey, onlineKey } from './labels.ts';
import { SavedStatus } from './SavedStatus.tsx';
import { channels, onlineLevels, procedureLevels, type Channel, type OnlineLevel, type ProcedureAdminDetail, type ProcedureLevel } from './types.ts';

interface InfoValues {
  name: string;
  field: string;
  levels: ProcedureLevel[];
  procedureType: string;
  implementingBody: string;
  competentAuthority: string;
  legalBasis: Array<{ title: string; number: string }>;
  results: Array<{ name: string; code: string }>;
  subjects: string;
  conditions: string;
  steps: string;
  receivingAddress: string;
  channels: Channel[];
  onlineLevel: OnlineLevel;
  onlineLevelReason: string;
  onTheSpot: boolean;
  decisionNumber: string;
}

function valuesOf(d: ProcedureAdminDetail): InfoValues {
  return {
    name: d.name, field: d.field ?? '', levels: d.levels, procedureType: d.procedureType ?? '', implementingBody: d.implementingBody ?? '',
    competentAuthority: d.competentAuthority ?? '',
    legalBasis: d.legalBasis.map((l) => ({ title: l.title, number: l.number ?? '' })),
    results: d.results.map((r) => ({ name: r.name, code: r.code ?? '' })),
    subjects: d.subjects.join('\n'), conditions: d.conditions ?? '', steps: d.steps ?? '', receivingAddress: d.receivingAddress ?? '',
    channels: d.channels, onlineLevel: d.onlineLevel, onlineLevelReason: d.onlineLevelReason ?? '', onTheSpot: d.onTheSpot,
    decisionNumber: d.decisionNumber ?? '',
  };
}

const text = (value: string) => (value.trim() ? value.trim() : null);

function check(values: InfoValues): Problem[] {
  const problems: Problem[] = [];
  if (!values.name.trim()) problems.push([ids.name, 'catalog.nameMissing']);
  if (values.onlineLevel === 'partial' && !values.onlineLevelReason.trim()) problems.push([ids.onlineLevelReason, 'catalog.reasonMissing']);
  if (values.onlineLevel !== 'unknown' && !values.channels.includes('online')) problems.push([firstOf.channels, 'catalog.onlineChannelMissing']);
  values.legalBasis.forEach((l, i) => { if (!l.title.trim()) problems.push([firstOf.legalBasis(i), 'catalog.legalTitleMissing']); });
  values.results.forEach((r, i) => { if (!r.name.trim()) problems.push([firstOf.results(i), 'catalog.resultNameMissing']); });
  return problems;
}

function body(values: InfoValues): Record<string, unknown> {
  return {
    name: values.name.trim(), field: text(values.field), levels: values.levels, procedureType: text(values.procedureType),
    implementingBody: text(values.implementingBody), competentAuthority: text(values.competentAuthority),
    legalBasis: values.legalBasis.map((l) => ({ title: l.title.trim(), number: text(l.number) })),
    results: values.results.map((r) => ({ name: r.name.trim(), code: text(r.code) })),
    subjects: values.subjects.split('\n').map((s) => s.trim()).filter(Boolean),
    conditions: text(values.conditions), steps: text(values.steps), receivingAddress: text(values.receivingAddress),
    channels: values.channels, onlineLevel: values.onlineLevel,
    onlineLevelReason: values.onlineLevel === 'partial' ? text(values.onlineLevelReason) : null,
    onTheSpot: values.onTheSpot, decisionNumber: text(values.decisionNumber),
  };
}

interface Props {
  detail: ProcedureAdminDetail;
  fields: string[];
  errors: Record<string, string>;
  check: (problems: Problem[]) => boolean;
  save: (body: Record<string, unknown>) => Promise<boolean>;
}

/** The procedure's general information (everything but the cases) of a draft version. */
export function InfoForm({ detail, fields, errors, check: report, save }: Props) {
  const { t } = useI18n();
  const [values, setValues] = useState(() => valuesOf(detail));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(0);
  const set = <K extends keyof InfoValues>(key: K, value: InfoValues[K]) => {
    setValues({ ...values, [key]: value });
    setSaved(0);
  };
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || report(check(values))) return;
    setBusy(true);
    const ok = await save(body(values));
    setBusy(false);
    if (ok) setSaved((count) => count + 1);
  };
  const input = (key: 'name' | 'field' | 'procedureType' | 'implementingBody' | 'competentAuthority' | 'receivingAddress' | 'decisionNumber') =>
    ({ value: values[key], error: errors[ids[key]], onChange: (e: { target: { value: string } }) => set(key, e.target.value) });

  return (
    <form onSubmit={submit} noValidate className="form">
      <TextField id={ids.name} label={t('catalog.name')} {...input('name')} />
      <TextField id={ids.field} label={t('procedures.field')} hint={t('catalog.fieldHint')} list="info-field-list" {...input('field')} />
      <datalist id="info-field-list">{fields.map((f) => <option key={f} value={f} />)}</datalist>
      <Fieldset id={ids.levels} legend={t('procedures.level')} error={errors[firstOf.levels]}>
        {procedureLevels.map((level) => (
          <Checkbox key={level} id={`${ids.levels}-${level}`} label={t(levelKey(level))} checked={values.levels.includes(level)}
            onChange={(e) => set('levels', toggle(values.levels, level, e.target.checked))} />
        ))}
      </Fieldset>
      <TextField id={ids.procedureType} label={t('catalog.procedureType')} {...input('procedureType')} />
      <TextField id={ids.implementingBody} label={t('catalog.implementingBody')} {...input('implementingBody')} />
      <TextField id={ids.competentAuthority} label={t('catalog.competentAuthority')} {...input('competentAuthority')} />

      <Fieldset id={ids.channels} legend={t('catalog.channels')} error={errors[firstOf.channels]}>
        {channels.map((channel) => (
          <Checkbox key={channel} id={`${ids.channels}-${channel}`} label={t(`catalog.channel.${channel}`)} checked={values.channels.includes(channel)}
            onChange={(e) => set('channels', toggle(values.channels, channel, e.target.checked))} />
        ))}
      </Fieldset>
      <Fieldset id={ids.onlineLevel} legend={t('catalog.onlineLevel')} hint={t('catalog.onlineLevelHint')} error={errors[firstOf.onlineLevel]}>
        {onlineLevels.map((level) => (
          <Radio key={level} id={`${ids.onlineLevel}-${level}`} name={ids.onlineLevel} label={t(onlineKey(level))}
            checked={values.onlineLevel === level} onChange={() => set('onlineLevel', level)} />
        ))}
      </Fieldset>
      {values.onlineLevel === 'partial' && (
        <TextArea id={ids.onlineLevelReason} label={t('catalog.onlineReason')} hint={t('catalog.onlineReasonHint')}
          error={errors[ids.onlineLevelReason]} value={values.onlineLevelReason} onChange={(e) => set('onlineLevelReason', e.target.value)} />
      )}
      <Checkbox id={ids.onTheSpot} label={t('catalog.onTheSpot')} hint={t('catalog.onTheSpotHint')} checked={values.onTheSpot}
        onChange={(e) => set('onTheSpot', e.target.checked)} />

      <RowsEditor id={ids.legalBasis} legend={t('catalog.legalBasis')} addLabel={t('catalog.legalAdd')} rows={values.legalBasis}
        blank={{ title: '', number: '' }} onChange={(rows) => set('legalBasis', rows)}
        columns={[{ key: 'title', label: t('catalog.legalTitle'), wide: true }, { key: 'number', label: t('catalog.legalNumber') }]}
        errors={errors} removeLabel={(n) => t('catalog.legalRemove', { n })} rowLabel={(n) => t('catalog.legalN', { n })} />
      <RowsEditor id={ids.results} legend={t('procedure.result')} addLabel={t('catalog.resultAdd')} rows={values.results}
        blank={{ name: '', code: '' }} onChange={(rows) => set('results', rows)}
        columns={[{ key: 'name', label: t('catalog.resultName'), wide: true }, { key: 'code', label: t('catalog.resultCode') }]}
        errors={errors} removeLabel={(n) => t('catalog.resultRemove', { n })} rowLabel={(n) => t('catalog.resultN', { n })} />

      <TextArea id={ids.subjects} label={t('catalog.subjects')} hint={t('catalog.onePerLine')} value={values.subjects}
        onChange={(e) => set('subjects', e.target.value)} />
      <TextArea id={ids.conditions} label={t('procedure.conditions')} value={values.conditions} onChange={(e) => set('conditions', e.target.value)} />
      <TextArea id={ids.steps} label={t('catalog.steps')} rows={6} value={values.steps} onChange={(e) => set('steps', e.target.value)} />
      <TextField id={ids.receivingAddress} label={t('catalog.receivingAddress')} {...input('receivingAddress')} />
      <TextField id={ids.decisionNumber} label={t('catalog.decisionNumber')} hint={t('catalog.decisionNumberHint')} width="half"
        {...input('decisionNumber')} />
      <button type="submit" className="button">{busy ? t('common.working') : t('catalog.infoSave')}</button>
      <SavedStatus count={saved} text={t('catalog.infoSaved')} />
    </form>
  );
}

interface RowsEditorProps<T extends Record<string, string>> {
  id: string;
  legend: string;
  rows: T[];
  blank: T;
  columns: Array<{ key: keyof T & string; label: string; wide?: boolean }>;
  onChange: (rows: T[]) => void;
  errors: Record<string, string>;
  addLabel: string;
  removeLabel: (n: number) => string;
  rowLabel: (n: number) => string;
}

/** Short repeated rows of text (legal documents, results): one fieldset per row. */
function RowsEditor<T extends Record<string, string>>({ id, legend, rows, blank, columns, onChange, errors, addLabel, removeLabel, rowLabel }: RowsEditorProps<T>) {
  const update = (i: number, key: keyof T, value: string) => onChange(rows.map((row, j) => (j === i ? { ...row, [key]: value } : row)));
  return (
    <Fieldset id={id} legend={legend}>
      <ol className="row-list">
        {rows.map((row, i) => (
          <li key={i} className="grant-row">
            {columns.map((column) => {
              const inputId = `${id}-${i}-${column.key}`;
              return (
                <div key={column.key} className={column.wide ? 'grant-row__field grant-row__field--wide' : 'grant-row__field'}>
                  <TextField id={inputId} label={`${column.label} (${rowLabel(i + 1)})`} error={errors[inputId]} value={row[column.key]}
                    onChange={(e) => update(i, column.key, e.target.value)} />
                </div>
              );
            })}
            <button type="button" className="button button--warning button--small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {removeLabel(i + 1)}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button button--secondary" onClick={() => onChange([...rows, { ...blank }])}>{addLabel}</button>
    </Fieldset>
  );
}
