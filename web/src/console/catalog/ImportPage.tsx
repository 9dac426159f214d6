import { useMemo, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Checkbox, SelectField } from '../../components/fields.tsx';
import { useFormErrors, type Problem } from '../../components/formErrors.ts';
import { Notice } from '../../components/Notice.tsx';
import { UnitPicker, type PickedUnit } from '../../components/UnitPicker.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { importCatalogue, importContentType } from './importFile.ts';
import { ownerChoices } from './ownerChoices.ts';
import { adminProcedurePath, catalogAdminPath } from './paths.ts';
import type { ImportResult } from './types.ts';
import './catalog.css';

const ids = { file: 'import-file', owner: 'import-owner', unit: 'import-unit' };

/** Import of the national catalogue (JSON as published) or of a province's own list (the CSV/XLSX template). */
export function ImportPage() {
  const { t } = useI18n();
  const owners = ownerChoices(useUser());
  const [file, setFile] = useState<File | null>(null);
  const [publish, setPublish] = useState(false);
  const [owner, setOwner] = useState(owners[0]?.id ?? '');
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [below, setBelow] = useState(true);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const fieldIds = useMemo(() => ({ unitId: `${ids.unit}-search`, ownerUnitId: ids.owner }), []);
  const { errors, showProblems, showApiError, clear } = useFormErrors(fieldIds);
  usePageTitle(t('catalog.importTitle'), errors.any);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: Problem[] = [];
    if (!file) problems.push([ids.file, 'catalog.importFileMissing']);
    else if (!importContentType(file)) problems.push([ids.file, 'catalog.importFileType']);
    if (showProblems(problems)) return;
    setBusy(true);
    setResult(null);
    try {
      setResult(await importCatalogue(file!, {
        publish, ownerUnitId: owner || undefined, unitId: unit?.id, includeDescendants: unit ? below : undefined,
      }));
      clear();
    } catch (cause) {
      showApiError(cause, ids.file);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p><Link to={catalogAdminPath} className="back-link">{t('catalog.backToList')}</Link></p>
      <ErrorSummary items={errors.summary} />
      <h1>{t('catalog.importTitle')}</h1>
      <p className="lead">{t('catalog.importLead')}</p>
      <h2>{t('catalog.templates')}</h2>
      <p>{t('catalog.templatesText')}</p>
      <ul className="link-list">
        <li><a href="/api/v1/procedures/import-template.xlsx" download>{t('catalog.templateXlsx')}</a></li>
        <li><a href="/api/v1/procedures/import-template.csv" download>{t('catalog.templateCsv')}</a></li>
      </ul>

      <h2>{t('catalog.importHeading')}</h2>
      <form onSubmit={submit} noValidate className="form">
        <div className={`form-group${errors.byField[ids.file] ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor={ids.file}>{t('catalog.importFile')}</label>
          <div className="hint" id={`${ids.file}-hint`}>{t('catalog.importFileHint')}</div>
          {errors.byField[ids.file] && (
            <p className="error-message" id={`${ids.file}-error`}>
              <span className="visually-hidden">{t('common.errorPrefix')}</span>{errors.byField[ids.file]}
            </p>
          )}
          <input id={ids.file} name={ids.file} type="file" className="file-input" accept=".json,.csv,.xlsx,application/json,text/csv"
            aria-describedby={`${ids.file}-hint${errors.byField[ids.file] ? ` ${ids.file}-error` : ''}`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <SelectField id={ids.owner} label={t('catalog.owner')} hint={t('catalog.importOwnerHint')} error={errors.byField[ids.owner]}
          value={owner} onChange={(e) => setOwner(e.target.value)}
          options={owners.map((o) => ({ value: o.id, label: o.id ? o.name : t('catalog.ownerNational') }))} />
        <UnitPicker id={ids.unit} legend={t('catalog.importOfferAt')} hint={t('catalog.importOfferHint')} error={errors.byField[`${ids.unit}-search`]}
          value={unit} onChange={setUnit} />
        {unit && <Checkbox id="import-below" label={t('catalog.offerBelowLabel')} checked={below} onChange={(e) => setBelow(e.target.checked)} />}
        <Checkbox id="import-publish" label={t('catalog.importPublish')} hint={t('catalog.importPublishHint')} checked={publish}
          onChange={(e) => setPublish(e.target.checked)} />
        <button type="submit" className="button">{busy ? t('catalog.importing') : t('catalog.importSubmit')}</button>
      </form>
      {result && <ImportReport result={result} />}
    </>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
  const { t, lang } = useI18n();
  const s = result.summary;
  const rows: Array<[string, number]> = [
    [t('catalog.importCreated'), s.created], [t('catalog.importNewVersions'), s.newVersions], [t('catalog.importUnchanged'), s.unchanged],
    [t('catalog.importFlagged'), s.flagged], [t('catalog.importPublished'), s.published], [t('catalog.importOfferings'), s.offeringsAdded],
  ];
  return (
    <section aria-labelledby="import-report-heading">
      <Notice kind="success"><p>{t('catalog.importDone', { format: result.format.toUpperCase() })}</p></Notice>
      <h2 id="import-report-heading">{t('catalog.importReport')}</h2>
      <table className="table table--numbers">
        <caption className="visually-hidden">{t('catalog.importReport')}</caption>
        <tbody>
          {rows.map(([label, value]) => <tr key={label}><th scope="row">{label}</th><td>{value}</td></tr>)}
        </tbody>
      </table>
      {s.notPublished.length > 0 && (
        <>
          <h3>{t('catalog.importNotPublished', { count: s.notPublished.length })}</h3>
          <ul>
            {s.notPublished.map((item) => (
              <li key={item.code}>
                <Link to={adminProcedurePath(item.code)}>{item.code}</Link>: {item.problems.map((p) => (lang === 'vi' ? p.messageVi : p.message)).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {s.skipped.length > 0 && (
        <>
          <h3>{t('catalog.importSkipped', { count: s.skipped.length })}</h3>
          <ul>{s.skipped.map((item, i) => <li key={`${item.code}:${i}`}>{item.code}: {lang === 'vi' ? item.reasonVi : item.reason}</li>)}</ul>
        </>
      )}
      {result.reportText && (
        <details className="details">
          <summary>{t('catalog.importReportText')}</summary>
          <pre className="report-text" tabIndex={0}>{result.reportText}</pre>
        </details>
      )}
    </section>
  );
}
