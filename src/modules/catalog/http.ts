import type { FastifyRequest } from 'fastify';
import { forbidden } from '../../platform/errors.ts';
import { auditContext, requireCaller } from '../../platform/http/context.ts';
import type { Actor } from './commands/shared.ts';
import { isCatalogManager } from './policy.ts';

export const publicRate = { max: 120, timeWindow: '1 minute' };

/** The acting administrator: must hold a catalogue-managing role somewhere; records are checked by the command. */
export function actorOf(request: FastifyRequest): Actor {
  const caller = requireCaller(request);
  if (!isCatalogManager(caller.grants)) throw forbidden();
  return { audit: auditContext(request), grants: caller.grants };
}
