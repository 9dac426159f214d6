import type { OfficialGrant, Role, RoleInfo } from '../../api-types.ts';

const administratorRoles: readonly Role[] = ['system_admin', 'unit_admin'];
import { Fieldset } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { UnitChoice } from './useGrantUnits.ts';

interface Props {
  id: string;
  grants: OfficialGrant[];
  onChange: (grants: OfficialGrant[]) => void;
  roles: RoleInfo[];
  units: UnitChoice[];
  defaultUnitId: string | null;
  error?: string;
}

/** The roles an official holds, each at a unit (the role reaches that unit and every unit below it). */
export function GrantsEditor({ id, grants, onChange, roles, units, defaultUnitId, error }: Props) {
  const { t, pick } = useI18n();
  const update = (index: number, change: Partial<OfficialGrant>) =>
    onChange(grants.map((grant, i) => (i === index ? { ...grant, ...change } : grant)));
  const remove = (index: number) => onChange(grants.filter((_, i) => i !== index));
  const add = () => {
    // Never suggest an administrator role by default: granting one should be a deliberate choice.
    const free = roles.filter((role) => !grants.some((grant) => grant.role === role.role));
    const unused = free.find((role) => !administratorRoles.includes(role.role)) ?? free[0];
    const unitId = defaultUnitId ?? units[0]?.id;
    if (unused && unitId) onChange([...grants, { role: unused.role, unitId }]);
  };

  return (
    <Fieldset id={id} legend={t('officials.grants')} hint={t('officials.grantsHint')} error={error}>
      {!grants.length && <p>{t('officials.noGrants')}</p>}
      <ol className="grant-list">
        {grants.map((grant, index) => (
          <li key={index} className="grant-row">
            <div className="grant-row__field">
              <label className="label label--small" htmlFor={`${id}-${index}-role`}>{t('officials.role', { n: index + 1 })}</label>
              <select id={`${id}-${index}-role`} className="select" value={grant.role}
                onChange={(event) => update(index, { role: event.target.value as Role })}>
                {roles.map((role) => <option key={role.role} value={role.role}>{pick(role.label, role.labelEn)}</option>)}
              </select>
            </div>
            <div className="grant-row__field">
              <label className="label label--small" htmlFor={`${id}-${index}-unit`}>{t('officials.grantUnit', { n: index + 1 })}</label>
              <select id={`${id}-${index}-unit`} className="select" value={grant.unitId}
                onChange={(event) => update(index, { unitId: event.target.value })}>
                {units.map((unit) => <option key={unit.id} value={unit.id}>{unit.fullName}</option>)}
              </select>
            </div>
            <button type="button" className="button button--warning button--small" onClick={() => remove(index)}>
              {t('officials.removeGrant', { n: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button button--secondary" onClick={add} disabled={!units.length}>
        {t('officials.addGrant')}
      </button>
    </Fieldset>
  );
}
