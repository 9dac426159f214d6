import { createHmac, timingSafeEqual } from 'node:crypto';

// Short-lived signed download links: a plain <a href> cannot carry a draft token or a lookup secret, so a page
// that has proved its right to a file gets a link that works for a few minutes, for that file only.

export const linkLifetimeMs = 30 * 60 * 1000;

function signature(secret: string, fileId: string, expires: number): string {
  return createHmac('sha256', secret).update(`file:${fileId}:${expires}`).digest('base64url');
}

/** `/api/v1/files/<id>?link=<expires>.<signature>` */
export function signedFileUrl(secret: string, fileId: string, now: Date): string {
  const expires = Math.floor((now.getTime() + linkLifetimeMs) / 1000);
  return `/api/v1/files/${fileId}?link=${expires}.${signature(secret, fileId, expires)}`;
}

export function verifyFileLink(secret: string, fileId: string, link: string, now: Date): boolean {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(link);
  if (!m) return false;
  const expires = Number(m[1]);
  if (expires * 1000 < now.getTime()) return false;
  const want = Buffer.from(signature(secret, fileId, expires));
  const got = Buffer.from(m[2]);
  return want.length === got.length && timingSafeEqual(want, got);
}
