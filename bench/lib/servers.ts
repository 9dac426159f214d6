// The servers under test run in their own processes (the bench process only sends load): the application as
// `gandan serve` would run it, and a bare Fastify route for the framework floor. Loopback only.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

export interface Child {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, output: () => string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output()}`);
}

function start(args: string[], env: Record<string, string>, readyPath: string, port: number, nodeFlags: string[] = []): Promise<Child> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', ...args], {
    cwd: repoRoot, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return waitReady(`${url}${readyPath}`, child, () => log).then(() => ({ url, process: child, stop }), async (err) => {
    await stop();
    throw err;
  });
}

export interface AppServerOptions {
  databaseUrl?: string;
  dataDir?: string;
}

/** The young generation `npm start` gives the server (see README, Performance). */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

/** The application as `npm start` runs it, with rate limits lifted (bench-only setting) and request logging at warn. */
export async function startApp(options: AppServerOptions): Promise<Child> {
  const env: Record<string, string> = {
    SESSION_SECRET: 'bench-session-secret-not-for-production', GANDAN_BENCH_NO_RATE_LIMITS: '1', LOG_LEVEL: 'warn',
    SEED_DEMO: 'false', BACKUP_INTERVAL_HOURS: '0',
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else {
    env.DATABASE_URL = '';
    env.DATA_DIR = options.dataDir!;
  }
  return start([join('src', 'server.ts')], env, '/api/health', await freePort(), SERVER_NODE_FLAGS);
}

/** Fastify with one POST route answering a constant JSON body (the framework floor). */
export async function startBare(bodyFile: string): Promise<Child> {
  return start([join('bench', 'bare-server.ts')], { BARE_BODY_FILE: bodyFile }, '/health', await freePort());
}

/** The same route answering from one prepared statement through pg (a plain prepared lookup). */
export async function startPlainLookup(databaseUrl: string): Promise<Child> {
  return start([join('bench', 'bare-server.ts')], { BARE_DATABASE_URL: databaseUrl }, '/health', await freePort());
}
