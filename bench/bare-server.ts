// The references for the lookup bench. The framework floor: Fastify alone, one POST route that parses the JSON body
// and answers a constant JSON of the same size as a real lookup answer (read from BARE_BODY_FILE). No database, no
// plugins. With BARE_DATABASE_URL: a plain prepared lookup instead, the same route reading the dossier, its rating
// and its history with one prepared statement through pg and answering the row as it is (no checks, no calendar).
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';
import { plainLookupSql } from './lib/lookup-sql.ts';

const app = Fastify({ logger: false });
app.get('/health', async () => ({ ok: true }));
if (process.env.BARE_DATABASE_URL) {
  const pool = new pg.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 10 });
  app.post('/api/v1/public/dossiers/lookup', async (request) => {
    const { code } = request.body as { code: string };
    const { rows } = await pool.query({ name: 'lookup', text: plainLookupSql, values: [code] });
    return rows[0] ?? null;
  });
} else {
  const body = readFileSync(process.env.BARE_BODY_FILE!, 'utf8');
  app.post('/api/v1/public/dossiers/lookup', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
}
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.close().then(() => process.exit(0)));
