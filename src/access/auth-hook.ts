import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/http/context.ts';
import { AppError } from '../platform/errors.ts';
import { callerFromApiToken, callerFromSession } from './sessions.ts';

export const sessionCookie = 'gd_session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice(7).trim() || null;
}

function sessionToken(request: FastifyRequest): string | null {
  const raw = request.cookies?.[sessionCookie];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

/** Resolves the caller from an API token or the session cookie, and checks CSRF on cookie-authenticated mutations. */
export function installAuthHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const db = ctx.database.db;
    const bearer = bearerToken(request);
    if (bearer) {
      request.caller = await callerFromApiToken(db, bearer, ctx.clock());
      if (!request.caller) {
        throw new AppError(401, 'invalid_token', 'The API token is invalid, expired or revoked.', 'Mã truy cập API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.');
      }
      return;
    }
    const token = sessionToken(request);
    if (token) request.caller = await callerFromSession(db, token, ctx.clock());
    const csrfRequired = request.routeOptions.config?.csrf !== false;
    if (request.caller && unsafeMethods.has(request.method) && csrfRequired) {
      if (request.headers['x-csrf-token'] !== request.caller.csrfToken) {
        throw new AppError(403, 'csrf_failed', 'Missing or wrong CSRF token; reload the page and try again.', 'Thiếu hoặc sai mã chống giả mạo (CSRF); hãy tải lại trang và thử lại.');
      }
    }
  });
}
