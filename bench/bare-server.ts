// The framework floor for the lookup bench: Fastify alone, one POST route that parses the JSON body and answers a
// constant JSON of the same size as a real lookup answer (read from BARE_BODY_FILE). No database, no plugins.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body = readFileSync(process.env.BARE_BODY_FILE!, 'utf8');
const app = Fastify({ logger: false });
app.get('/health', async () => ({ ok: true }));
app.post('/api/v1/public/dossiers/lookup', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.close().then(() => process.exit(0)));
