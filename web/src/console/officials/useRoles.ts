import { api } from '../../api.ts';
import type { RoleInfo } from '../../api-types.ts';
import { useQuery } from '../../useQuery.ts';

let cached: Promise<RoleInfo[]> | null = null;

/** Role names in both languages, as the server defines them (fetched once per visit). */
export function useRoles() {
  return useQuery('roles', () => {
    cached ??= api<RoleInfo[]>('GET', '/api/v1/roles').catch((cause: unknown) => {
      cached = null;
      throw cause;
    });
    return cached;
  });
}
