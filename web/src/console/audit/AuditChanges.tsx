import type { AuditEntry } from '../../api-types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

/** The fields an entry changed, before and after; whole values when they are not objects. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const { before, after } = entry;
  if (before == null && after == null) return <>—</>;
  const rows = isObject(before) || isObject(after) ? changedFields(isObject(before) ? before : {}, isObject(after) ? after : {}) : [['', before, after] as const];
  return (
    <details className="details">
      <summary>{t('audit.showChanges', { count: rows.length })}</summary>
      <table className="table table--compact table--nested">
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            <th scope="col">{t('audit.before')}</th>
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([field, was, now]) => (
            <tr key={field}>
              <th scope="row" className="mono">{field || '—'}</th>
              <td className="mono">{show(was)}</td>
              <td className="mono">{show(now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function changedFields(before: Json, after: Json): Array<readonly [string, unknown, unknown]> {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => [key, before[key], after[key]] as const);
}
