// The one HTTP client of the web app: JSON in and out, the CSRF header on every mutation, errors as ApiError.
import type { Lang } from './i18n/lang.ts';

export interface ApiFieldError {
  field: string;
  message: string;
  messageVi: string;
}

/** Every failure of the API (and of the network) in the server's bilingual error shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageVi: string;
  readonly fields: ApiFieldError[];

  constructor(status: number, code: string, message: string, messageVi: string, fields: ApiFieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageVi = messageVi;
    this.fields = fields;
  }

  text(lang: Lang): string {
    return lang === 'vi' ? this.messageVi : this.message;
  }
}

/** Anything thrown while talking to the API, as an ApiError (a bug in the page becomes a generic message). */
export function asApiError(cause: unknown): ApiError {
  if (cause instanceof ApiError) return cause;
  return new ApiError(0, 'client_error', 'Something went wrong in the page. Reload and try again.',
    'Trang gặp lỗi. Vui lòng tải lại trang và thử lại.');
}

/**
 * The server has no such route at all (a module not installed yet), as opposed to "no such record". The server's
 * catch-all answers 404 `not_found` with the message "Route not found".
 */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && (error.code === 'route_not_found' || error.message === 'Route not found');
}

export function fieldErrorText(error: ApiFieldError, lang: Lang): string {
  return lang === 'vi' ? error.messageVi : error.message;
}

/** The server names body fields plainly and query fields as `querystring.x`: keep the last part. */
export function fieldName(error: ApiFieldError): string {
  return error.field.replace(/^(body|querystring|params)\./, '');
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
  /** The caller handles 401 itself (sign-in, /me): do not tell the session listeners. */
  quietUnauthorized?: boolean;
}

/** undefined: not known yet (nobody asked /me on this page); null: known to have no session. */
let csrfToken: string | null | undefined;
const unauthorizedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401, so the console can send the user back to the sign-in page. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function api<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const mutation = method !== 'GET';
  // A page opened while signed in elsewhere (e.g. the portal) has no token yet: /me hands it out.
  if (mutation && csrfToken === undefined) await refreshCsrfToken();
  let response = await send(method, path, options);
  if (mutation && response.status === 403 && (await errorCode(response)) === 'csrf_failed') {
    await refreshCsrfToken();
    response = await send(method, path, options);
  }
  if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
  const error = await toApiError(response);
  if (error.status === 401 && !options.quietUnauthorized) unauthorizedListeners.forEach((listener) => listener());
  throw error;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path + queryString(options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and try again.',
      'Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.');
  }
}

async function refreshCsrfToken(): Promise<void> {
  try {
    const response = await fetch('/api/v1/me', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    csrfToken = response.ok ? ((await response.json()) as { csrfToken: string | null }).csrfToken : null;
  } catch {
    // No network: the request that follows reports it.
  }
}

async function errorCode(response: Response): Promise<string | null> {
  try {
    const body = (await response.clone().json()) as { error?: { code?: string } };
    return body.error?.code ?? null;
  } catch {
    return null;
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: Partial<ApiError> & { fields?: ApiFieldError[] } };
    const e = body.error;
    if (e && typeof e.code === 'string') {
      return new ApiError(response.status, e.code, e.message ?? e.code, e.messageVi ?? e.message ?? e.code, e.fields ?? []);
    }
  } catch {
    // Not JSON (a proxy error page): fall through to a generic message.
  }
  return new ApiError(response.status, 'http_error', `The server answered ${response.status}. Please try again later.`,
    `Máy chủ trả lời mã ${response.status}. Vui lòng thử lại sau.`);
}
