import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../access/reach.ts';
import { notFound } from '../../platform/errors.ts';
import { auditContext } from '../../platform/http/context.ts';
import { hashToken, type DraftActor } from './drafts/commands.ts';
import { getDraft } from './drafts/repository.ts';
import type { DraftRow } from './tables.ts';

// HTTP helpers of the citizen side: who the caller is, and proving the right to a draft.

export const draftTokenHeader = 'x-draft-token';

/** Public writes: generous for people, tight for scripts. */
export const publicWriteRate = { max: 30, timeWindow: '1 minute' };
export const publicReadRate = { max: 120, timeWindow: '1 minute' };
export const lookupRate = { max: 20, timeWindow: '1 minute' };

export function draftActorOf(request: FastifyRequest): DraftActor {
  const c = request.caller;
  return { audit: auditContext(request), citizenId: c?.kind === 'citizen' ? c.userId : null };
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function holdsDraft(request: FastifyRequest, row: DraftRow, now: Date): boolean {
  if (!row.submitted_dossier_id && row.expires_at.getTime() < now.getTime()) return false;
  const token = request.headers[draftTokenHeader];
  if (typeof token === 'string' && token && row.token_hash && sameHash(hashToken(token), row.token_hash)) return true;
  const c = request.caller;
  return !!c && c.kind === 'citizen' && row.user_id === c.userId;
}

/** The draft if the request holds it (its token, or the citizen who owns it); otherwise 404, never 403. */
export async function requireDraft(db: Db, request: FastifyRequest, id: string, now: Date): Promise<DraftRow> {
  const row = await getDraft(db, id);
  if (!row || !holdsDraft(request, row, now)) throw notFound('Draft', 'Bản nháp');
  return row;
}
