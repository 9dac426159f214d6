import { loadConfig } from './config.ts';
import { startRuntime } from './runtime.ts';

// Listens; everything else is in app.ts and runtime.ts.
const config = loadConfig();
const runtime = await startRuntime(config);
await runtime.jobs.start();
await runtime.app.listen({ port: config.port, host: config.host });
const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
console.log(`Gần Dân is running on http://${shown}:${config.port} — API docs at /api/docs (engine: ${runtime.database.engine})`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    runtime.close().then(() => process.exit(0), () => process.exit(1));
  });
}
