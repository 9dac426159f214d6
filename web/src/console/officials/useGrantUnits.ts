import { api } from '../../api.ts';
import type { UnitDetail } from '../../api-types.ts';
import { useQuery } from '../../useQuery.ts';

export interface UnitChoice {
  id: string;
  fullName: string;
}

/**
 * Units a role can be granted at for an official of `unitId`: that unit and the units above it (a role reaches its
 * unit and everything below), plus units the official already holds roles at.
 */
export function useGrantUnits(unitId: string | null, heldUnitIds: string[]) {
  const extra = [...new Set(heldUnitIds)].sort();
  return useQuery(`grant-units:${unitId}:${extra.join(',')}`, async (signal): Promise<UnitChoice[]> => {
    if (!unitId) return [];
    const own = await api<UnitDetail>('GET', `/api/v1/units/${unitId}`, { signal });
    const choices: UnitChoice[] = [own.unit, ...[...own.ancestors].reverse()].map(pickChoice);
    const missing = extra.filter((id) => !choices.some((choice) => choice.id === id));
    const others = await Promise.all(missing.map((id) => api<UnitDetail>('GET', `/api/v1/units/${id}`, { signal })));
    return [...choices, ...others.map((detail) => pickChoice(detail.unit))];
  });
}

const pickChoice = (unit: { id: string; fullName: string }): UnitChoice => ({ id: unit.id, fullName: unit.fullName });
