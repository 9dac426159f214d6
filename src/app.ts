import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { installAuthHook } from './access/auth-hook.ts';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Database } from './platform/db/engine.ts';
import { apiNotFound, installErrorHandler } from './platform/http/errors-plugin.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import type { App, AppContext } from './platform/http/context.ts';
import { ErrorSchema } from './platform/http/schemas.ts';
import type { JobQueue } from './platform/jobs/queue.ts';
import { TableJobQueue } from './platform/jobs/table-queue.ts';
import { registerModules } from './modules.ts';

export interface AppOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  jobs?: JobQueue;
  logger?: boolean;
}

export const bodyLimitBytes = 1024 * 1024;

/** Builds the whole application as a Fastify instance; server.ts listens, tests use inject(). */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger === false ? false : {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    trustProxy: config.trustProxy,
    bodyLimit: bodyLimitBytes,
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const jobs = options.jobs ?? new TableJobQueue(database, clock, (msg, err) => app.log.error({ err }, msg));
  const ctx: AppContext = { config, database, clock, jobs };

  installErrorHandler(app);
  app.addSchema(ErrorSchema);
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https:'),
  });
  // Set when the request arrives, so that every answer carries them, errors included.
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headers).header('x-request-id', request.id);
    done();
  });
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(rateLimit, {
    global: false,
    allowList: config.rateLimitsOff ? () => true : undefined,
    errorResponseBuilder: (_req, context) => ({ statusCode: 429, message: `retry after ${context.after}` }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Gần Dân API',
        description: 'One-stop administrative procedures and citizen engagement / Thủ tục hành chính một cửa và gần dân',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gd_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installAuthHook(app, ctx);
  await app.register(async (api) => registerModules(api as App, ctx));
  registerWeb(app, config);
  return app;
}

function registerWeb(app: App, config: Config): void {
  const indexFile = join(config.webDistDir, 'index.html');
  const hasWeb = existsSync(indexFile);
  if (hasWeb) {
    void app.register(fastifyStatic, { root: config.webDistDir, wildcard: true, index: false, cacheControl: false,
      setHeaders: (reply, path) => void reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache') });
  }
  if (hasWeb) {
    // The static plugin answers 403 for a directory URL such as '/', so the portal home is served explicitly.
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') throw apiNotFound();
    if (!hasWeb) {
      return reply.status(503).type('text/plain; charset=utf-8').send(
        'The web app is not built yet: run `npm run build:web`. / Giao diện web chưa được dựng: hãy chạy `npm run build:web`.',
      );
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
