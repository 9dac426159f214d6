// The draft of an online submission lives in two places: this browser (localStorage, written on every change,
// so a closed tab or a lost connection loses nothing) and the server (saved on every "Continue", so another
// device or a cleared browser can carry on). The browser's unsaved answers win over an older server copy.
import { api, ApiError } from '../../api.ts';
import type { Draft, DraftData, SubmitResult } from '../citizenTypes.ts';

export interface LocalDraft {
  id: string;
  token: string;
  version: number;
  data: DraftData;
  /** Answers changed here and not yet saved on the server. */
  dirty: boolean;
  /** Sent with the submission: a retried or double submission returns the same dossier. */
  idempotencyKey: string;
}

export interface SubmittedRecord extends SubmitResult {
  procedureName: string;
  email: string | null;
  unitName: string | null;
  at: string;
}

const draftKey = (code: string) => `gandan.draft.${code}`;
const submittedKey = (code: string) => `gandan.submitted.${code}`;

function read<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the server copy still holds what was saved.
  }
}

export const readLocalDraft = (code: string) => read<LocalDraft>(draftKey(code));
export const writeLocalDraft = (code: string, draft: LocalDraft | null) => write(draftKey(code), draft);
export const readSubmitted = (code: string) => read<SubmittedRecord>(submittedKey(code));
export const writeSubmitted = (code: string, record: SubmittedRecord | null) => write(submittedKey(code), record);

const tokenHeader = (token: string) => ({ 'x-draft-token': token });

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export async function startDraft(code: string): Promise<LocalDraft> {
  const draft = await api<Draft>('POST', '/api/v1/public/drafts', { body: { procedureCode: code } });
  const local: LocalDraft = { id: draft.id, token: draft.token!, version: draft.version, data: draft.data, dirty: false, idempotencyKey: newKey() };
  writeLocalDraft(code, local);
  writeSubmitted(code, null);
  return local;
}

export function fetchDraft(local: LocalDraft): Promise<Draft> {
  return api<Draft>('GET', `/api/v1/public/drafts/${local.id}`, { headers: tokenHeader(local.token) });
}

/** Saves the answers; on a version conflict (another tab saved) this browser's answers are saved over it. */
export async function pushDraft(local: LocalDraft): Promise<Draft> {
  const put = (version: number) => api<Draft>('PUT', `/api/v1/public/drafts/${local.id}`, {
    headers: tokenHeader(local.token), body: { version, data: local.data },
  });
  try {
    return await put(local.version);
  } catch (cause) {
    if (cause instanceof ApiError && cause.code === 'stale_version') return put((await fetchDraft(local)).version);
    throw cause;
  }
}

export function submitDraft(local: LocalDraft): Promise<SubmitResult> {
  return api<SubmitResult>('POST', `/api/v1/public/drafts/${local.id}/submit`, {
    headers: { ...tokenHeader(local.token), 'idempotency-key': local.idempotencyKey },
  });
}
