// Signing in through the API, as the console does: the session cookie and the CSRF token for writes.
import { BENCH_PASSWORD } from './prepare.ts';

export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function login(url: string, username: string, password = BENCH_PASSWORD): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = await res.json() as { csrfToken: string };
  return { cookie, csrfToken: me.csrfToken };
}

export async function getJson<T>(url: string, session: Session | null, path: string): Promise<T> {
  const res = await fetch(`${url}${path}`, { headers: session ? { cookie: session.cookie } : {} });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}
