import { sql } from 'kysely';
import { Type } from 'typebox';
import type { App, AppContext } from './context.ts';
import { errors } from './schemas.ts';
import { AppError } from '../errors.ts';

export function healthRoutes(app: App, ctx: AppContext): void {
  app.get('/api/health', {
    schema: {
      tags: ['platform'],
      summary: 'Liveness and database check / Kiểm tra hoạt động và cơ sở dữ liệu',
      response: {
        200: Type.Object({ status: Type.Literal('ok'), database: Type.Literal('ok'), engine: Type.String(), time: Type.String() }),
        ...errors(503),
      },
    },
  }, async () => {
    try {
      await sql`select 1`.execute(ctx.database.db);
    } catch {
      throw new AppError(503, 'database_unavailable', 'The database is not reachable.', 'Không kết nối được cơ sở dữ liệu.');
    }
    return { status: 'ok' as const, database: 'ok' as const, engine: ctx.database.engine, time: ctx.clock().toISOString() };
  });
}
