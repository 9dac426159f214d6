import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Caller } from '../../access/roles.ts';
import type { AuditContext } from '../../audit/audit.ts';
import type { Config } from '../../config.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/engine.ts';
import { unauthenticated } from '../errors.ts';
import type { JobQueue } from '../jobs/queue.ts';

/** What every module's routes and commands receive. */
export interface AppContext {
  config: Config;
  database: Database;
  clock: Clock;
  jobs: JobQueue;
}

export type App = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** false on routes that a browser may call without the CSRF header (sign-in, public forms). */
    csrf?: boolean;
  }
}

export function auditContext(request: FastifyRequest): AuditContext {
  const c = request.caller;
  return {
    actorId: c?.userId ?? null,
    actorLabel: c ? (c.username ?? c.fullName) : 'anonymous',
    requestId: request.id,
    ip: request.ip,
  };
}

export function requireCaller(request: FastifyRequest): Caller {
  if (!request.caller) throw unauthenticated();
  return request.caller;
}

export type Reply = FastifyReply;
