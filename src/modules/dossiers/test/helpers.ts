import { reachOf } from '../../../access/policy.ts';
import type { RoleGrant } from '../../../access/roles.ts';
import type { Session, TestApp } from '../../../testing/app.ts';
import { dossierPolicy } from '../policy.ts';

// Shared steps of the dossier tests: receive a dossier at phường Bồng Lai and act on it.

export async function unitByCode(t: TestApp, code: string): Promise<{ id: string; agencyCode: string | null }> {
  return (await t.app.inject({ url: `/api/v1/units?code=${code}` })).json().items[0];
}

export async function procedureDocuments(t: TestApp, code: string): Promise<{ name: string; required: boolean }[]> {
  const res = await t.app.inject({ url: `/api/v1/procedures/${code}` });
  const body = res.json();
  const c = body.cases?.[0] ?? body.procedure?.cases?.[0];
  return (c?.documents ?? []).map((d: { name: string; required?: boolean }) => ({ name: d.name, required: d.required ?? true }));
}

export async function intake(t: TestApp, s: Session, opts: { code?: string; unitCode?: string; outcome?: 'complete' | 'incomplete' | 'refused'; key?: string; applicant?: Record<string, unknown>; extra?: Record<string, unknown> } = {}) {
  const unit = await unitByCode(t, opts.unitCode ?? '09295');
  const code = opts.code ?? '1.004859';
  const docs = await procedureDocuments(t, code);
  const outcome = opts.outcome ?? 'complete';
  return t.as(s, {
    method: 'POST', url: '/api/v1/dossiers',
    headers: opts.key ? { 'idempotency-key': opts.key } : {},
    payload: {
      unitId: unit.id, procedureCode: code, channel: 'counter', outcome,
      applicant: { kind: 'person', fullName: 'Nguyễn Thị Ánh Tuyết', idNumber: '027190001234', birthYear: 1990, phone: '0912 345 678', email: 'anh.tuyet@example.vn', address: 'Khu phố Bồng Lai, phường Bồng Lai, tỉnh Bắc Ninh', ...opts.applicant },
      documents: docs.map((d) => ({ name: d.name, required: d.required, received: outcome === 'complete' })),
      ...(outcome === 'incomplete' ? { missing: [{ document: docs[0]?.name ?? 'Tờ khai', reason: 'Chưa có chữ ký' }] } : {}),
      ...(outcome === 'refused' ? { reasons: ['Không thuộc thẩm quyền giải quyết của UBND phường'] } : {}),
      ...opts.extra,
    },
  });
}

/** Acts as `username` (signing in afresh: tests move the clock past the session's idle limit) on the current version. */
export async function act(t: TestApp, username: string, id: string, body: Record<string, unknown>) {
  const s = await t.login(username);
  const current = await t.as(s, { url: `/api/v1/dossiers/${id}` });
  if (current.statusCode !== 200) return current;
  return t.as(s, { method: 'POST', url: `/api/v1/dossiers/${id}/actions`, payload: { version: current.json().version, ...body } });
}

/** What the staff lists need to know of `username`: id, unit, grants and the reach of reading dossiers. */
export async function listCaller(t: TestApp, username: string) {
  const db = t.database.db;
  const user = await db.selectFrom('users').select(['id', 'unit_id']).where('username', '=', username).executeTakeFirstOrThrow();
  const grants = await db.selectFrom('role_grants').select(['role', 'unit_id as unitId']).where('user_id', '=', user.id).execute() as RoleGrant[];
  const reach = reachOf({ kind: 'official', userId: user.id, username, fullName: username, unitId: user.unit_id, grants, csrfToken: null, via: 'session', sessionHash: null }, dossierPolicy.read);
  return { userId: user.id, unitId: user.unit_id, grants, reach };
}
