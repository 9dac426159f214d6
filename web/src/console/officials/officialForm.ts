import type { Official, OfficialGrant } from '../../api-types.ts';
import type { Problem } from '../../components/formErrors.ts';
import type { PickedUnit } from '../../components/UnitPicker.tsx';

export interface OfficialValues {
  fullName: string;
  username: string;
  password: string;
  unit: PickedUnit | null;
  email: string;
  phone: string;
  active: boolean;
  grants: OfficialGrant[];
}

/** Input ids by the API's field names. */
export const officialFieldIds: Record<string, string> = {
  fullName: 'official-full-name', username: 'official-username', password: 'official-password',
  unitId: 'official-unit-search', email: 'official-email', phone: 'official-phone', grants: 'official-grants-0-role',
};

export function valuesOf(official: Official): OfficialValues {
  return {
    fullName: official.fullName, username: official.username, password: '', active: official.active,
    unit: { id: official.unitId, fullName: official.unitName }, email: official.email ?? '', phone: official.phone ?? '',
    grants: official.grants.map((grant) => ({ role: grant.role, unitId: grant.unitId })),
  };
}

export function checkOfficial(values: OfficialValues, creating: boolean): Problem[] {
  const problems: Problem[] = [];
  if (!values.fullName.trim()) problems.push([officialFieldIds.fullName, 'officials.fullNameMissing']);
  if (creating && !/^[a-z0-9._-]{3,60}$/.test(values.username.trim())) {
    problems.push([officialFieldIds.username, values.username.trim() ? 'officials.usernameInvalid' : 'officials.usernameMissing']);
  }
  if (creating && values.password.length < 8) problems.push([officialFieldIds.password, 'officials.passwordShort']);
  if (!values.unit) problems.push([officialFieldIds.unitId, 'officials.unitMissing']);
  if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) {
    problems.push([officialFieldIds.email, 'officials.emailInvalid']);
  }
  if (values.phone.trim() && !/^\+?[0-9]{8,15}$/.test(compactPhone(values.phone))) {
    problems.push([officialFieldIds.phone, 'officials.phoneInvalid']);
  }
  const seen = new Set(values.grants.map((grant) => `${grant.role}:${grant.unitId}`));
  if (seen.size !== values.grants.length) problems.push([officialFieldIds.grants, 'officials.grantDuplicate']);
  return problems;
}

export const compactPhone = (phone: string) => phone.replace(/[\s.-]/g, '');
export const optional = (text: string) => (text.trim() ? text.trim() : null);
