// The dashboard's address: short Vietnamese parameter names, like the page addresses, so a view can be shared.
import { queryString, type Query } from '../../api.ts';

export interface ReportParams {
  unitId: string;
  period: string;
  from: string;
  to: string;
  convention: string;
}

const names: Record<keyof ReportParams, string> = { unitId: 'don-vi', period: 'ky', from: 'tu', to: 'den', convention: 'cach-tinh' };

export const reportsPath = '/can-bo/bao-cao';

export function paramsFromQuery(query: URLSearchParams): ReportParams {
  const read = (key: keyof ReportParams) => query.get(names[key]) ?? '';
  return { unitId: read('unitId'), period: read('period'), from: read('from'), to: read('to'), convention: read('convention') };
}

export function reportsHref(p: Partial<ReportParams>): string {
  return `${reportsPath}${queryString(Object.fromEntries(Object.entries(p).map(([k, v]) => [names[k as keyof ReportParams], v])))}`;
}

/** The API's query for these parameters (dates win over a period code, as on the server). */
export function apiScope(p: ReportParams): Query {
  const scope: Query = { unitId: p.unitId || undefined, convention: p.convention === 'cutoff' || p.convention === 'calendar' ? p.convention : undefined };
  if (p.from && p.to) return { ...scope, from: p.from, to: p.to };
  return { ...scope, period: p.period || undefined };
}
