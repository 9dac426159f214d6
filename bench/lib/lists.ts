// Staff list views as the console calls them: each work queue, searches by name and by code, the next page,
// and the queue counts, for a commune desk officer, a specialist, a province-wide reader and the administrator.
import { run, type LoadResult } from './load.ts';
import { getJson, type Session } from './session.ts';

export interface View {
  who: string;
  label: string;
  path: string;
}

export interface ViewResult extends View {
  result: LoadResult;
}

export function staffViews(options: { communeCode: string; provinceCode: string }): View[] {
  const desk = 'bonglai.motcua1';
  const province = 'tinh.baocao';
  const queues = ['all', 'mine', 'due_soon', 'overdue', 'waiting_supplement', 'ready_to_return', 'submitted_online', 'unassigned'];
  return [
    ...queues.map((q) => ({ who: desk, label: `commune desk: queue ${q}`, path: `/api/v1/dossiers?queue=${q}` })),
    { who: desk, label: 'commune desk: search name "nguyen thi"', path: `/api/v1/dossiers?q=${encodeURIComponent('Nguyễn Thị')}` },
    { who: desk, label: 'commune desk: search name "le thi hong"', path: `/api/v1/dossiers?q=${encodeURIComponent('Lê Thị Hồng')}` },
    { who: desk, label: 'commune desk: search code', path: `/api/v1/dossiers?q=${encodeURIComponent(options.communeCode)}` },
    { who: desk, label: 'commune desk: next page (all)', path: '/api/v1/dossiers?queue=all&cursor=NEXT' },
    { who: desk, label: 'commune desk: queue counts', path: '/api/v1/dossiers/queues' },
    { who: 'bonglai.chuyenvien', label: 'specialist: queue mine', path: '/api/v1/dossiers?queue=mine' },
    ...['all', 'overdue', 'due_soon', 'unassigned'].map((q) => ({ who: province, label: `province: queue ${q}`, path: `/api/v1/dossiers?queue=${q}` })),
    { who: province, label: 'province: search name "tran van"', path: `/api/v1/dossiers?q=${encodeURIComponent('Trần Văn')}` },
    { who: province, label: 'province: search name "le thi hong"', path: `/api/v1/dossiers?q=${encodeURIComponent('Lê Thị Hồng')}` },
    { who: province, label: 'province: search rare name', path: `/api/v1/dossiers?q=${encodeURIComponent('Tạ Thị Tuyết')}` },
    { who: province, label: 'province: search code', path: `/api/v1/dossiers?q=${encodeURIComponent(options.provinceCode)}` },
    { who: province, label: 'province: next page (all)', path: '/api/v1/dossiers?queue=all&cursor=NEXT' },
    { who: province, label: 'province: queue counts', path: '/api/v1/dossiers/queues' },
    { who: 'admin', label: 'administrator: queue all', path: '/api/v1/dossiers?queue=all' },
  ];
}

/** Each view for `seconds` at two concurrent requests (a few officials at once). */
export async function measureViews(url: string, sessions: Map<string, Session>, views: View[], seconds: number): Promise<ViewResult[]> {
  const out: ViewResult[] = [];
  for (const v of views) {
    const session = sessions.get(v.who)!;
    let path = v.path;
    if (path.includes('cursor=NEXT')) {
      const first = await getJson<{ nextCursor: string | null }>(url, session, path.replace(/&cursor=NEXT/, ''));
      path = first.nextCursor ? path.replace('NEXT', encodeURIComponent(first.nextCursor)) : path.replace(/&cursor=NEXT/, '');
    } else {
      await getJson(url, session, path); // fails loudly on an error answer
    }
    const result = await run({ url, connections: 2, duration: seconds, next: () => ({ method: 'GET', path, headers: { cookie: session.cookie } }) });
    out.push({ ...v, path, result });
  }
  return out;
}
