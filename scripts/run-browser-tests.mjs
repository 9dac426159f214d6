#!/usr/bin/env node
// Runs test/browser/*.test.ts against the real server: builds web/dist if needed, starts `gandan serve` once on a
// fresh embedded database and a free port, waits for /api/health, runs the tests, stops the server.
// Usage: node scripts/run-browser-tests.mjs [--optional] [test files...]
//   --optional: without /usr/bin/chromium, print why the browser tests are skipped and exit 0 (used by `npm test`).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const demoPassword = 'demo-password-1';
const args = process.argv.slice(2);
const optional = args.includes('--optional') && process.env.GANDAN_REQUIRE_BROWSER !== '1'; // CI makes them mandatory
const requested = args.filter((arg) => !arg.startsWith('--'));

function testFiles() {
  if (requested.length) return requested;
  const dir = join(root, 'test', 'browser');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith('.test.ts')).sort().map((name) => join('test', 'browser', name));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl, server, logFile) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}\n${tail(logFile)}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer /api/health within 90 s\n${tail(logFile)}`);
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

/** The data folder is removed after the run; a failed run keeps the server log beside it for reading. */
function keepLog(logFile) {
  const kept = join(tmpdir(), `gandan-browser-server-${Date.now()}.log`);
  try {
    copyFileSync(logFile, kept);
    return kept;
  } catch {
    return '(could not keep the log)';
  }
}

function stopServer(server) {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

function runTests(files, baseUrl) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, GANDAN_BASE_URL: baseUrl, DEMO_PASSWORD: demoPassword, CHROMIUM_PATH: chromiumPath, TZ: process.env.TZ ?? 'UTC' },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  if (!existsSync(chromiumPath)) {
    if (optional) {
      console.log(`Browser tests skipped: ${chromiumPath} is not installed (install it with \`apt-get install chromium\`). / Bỏ qua kiểm thử trình duyệt: chưa cài ${chromiumPath}.`);
      return 0;
    }
    console.error(`Browser tests need Chromium at ${chromiumPath}: install it with \`apt-get install chromium\`. / Cần cài Chromium để chạy kiểm thử trình duyệt.`);
    return 1;
  }
  const files = testFiles();
  if (!files.length) {
    console.log('No browser test files found / Không có tệp kiểm thử trình duyệt');
    return 0;
  }

  const built = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-web.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) return built.status ?? 1;

  const dataDir = mkdtempSync(join(tmpdir(), 'gandan-browser-'));
  const logFile = join(dataDir, 'server.log');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO_PASSWORD: demoPassword, SEED_DEMO: 'true', LOGIN_RATE_PER_MINUTE: '200' };
  // The browser tests always run on a fresh embedded database, whatever the caller's environment points at.
  delete env.DATABASE_URL;
  delete env.WEB_DIST_DIR;
  const log = createWriteStream(logFile);
  const server = spawn(process.execPath, [join(root, 'bin', 'gandan.mjs'), 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  const interrupt = () => void stopServer(server).then(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  let status = 1;
  try {
    await waitForHealth(baseUrl, server, logFile);
    console.log(`Browser tests against ${baseUrl} (data in ${dataDir})`);
    status = await runTests(files, baseUrl);
    if (status !== 0) console.error(`\nServer log (last lines):\n${tail(logFile, 12)}\nFull server log: ${keepLog(logFile)}`);
  } catch (cause) {
    console.error(`Browser tests could not start the server: ${cause.message}`);
  } finally {
    await stopServer(server);
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return status;
}

process.exit(await main());
