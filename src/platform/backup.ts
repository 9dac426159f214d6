import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Config } from '../config.ts';
import { openPglite, type Database } from './db/engine.ts';
import { acquireDataDirLock } from './db/lock.ts';
import type { AppContext } from './http/context.ts';

// Backups: PGlite dumps its data folder (a .tar.gz); PostgreSQL uses pg_dump / pg_restore (custom format).

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err) => reject(new Error(`${cmd} could not start (${err.message}); install the PostgreSQL client tools`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed (${code}): ${stderr.trim()}`))));
  });
}

export async function backupTo(database: Database, config: Config, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  if (database.pglite) {
    const dump = await database.pglite.dumpDataDir('gzip');
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  } else {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${tmp}`, config.databaseUrl!]);
  }
  renameSync(tmp, file);
}

/** Replaces the database with a backup. The embedded database must not be open in any process. */
export async function restoreFrom(config: Config, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`Backup file not found / Không tìm thấy tệp sao lưu: ${file}`);
  if (config.databaseUrl) {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${config.databaseUrl}`, file]);
    return;
  }
  const aside = `${config.dbDir}.before-restore-${Date.now()}`;
  // Take the lock first so a running server makes this refuse instead of corrupting its data.
  const release = acquireDataDirLock(`${config.dbDir}.lock`);
  try {
    if (existsSync(config.dbDir)) renameSync(config.dbDir, aside);
    try {
      const restored = await openPglite(config.dbDir, { lock: false, loadDataDir: new Blob([readFileSync(file)]) });
      await restored.close();
    } catch (err) {
      rmSync(config.dbDir, { recursive: true, force: true });
      if (existsSync(aside)) renameSync(aside, config.dbDir);
      throw err;
    }
  } finally {
    release();
  }
}

export function backupFileName(now: Date, engine: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `gandan-${stamp}.${engine === 'pglite' ? 'tar.gz' : 'dump'}`;
}

/** Scheduled backups into BACKUP_DIR, keeping the 14 newest. */
export function scheduleBackups(ctx: AppContext): void {
  const { config, database } = ctx;
  if (config.backupIntervalHours <= 0) return;
  ctx.jobs.register('platform.backup', async () => {
    const file = join(config.backupDir, backupFileName(ctx.clock(), database.engine));
    await backupTo(database, config, file);
    const old = readdirSync(config.backupDir).filter((f) => f.startsWith('gandan-') && !f.endsWith('.partial')).sort().slice(0, -14);
    for (const f of old) rmSync(join(config.backupDir, basename(f)), { force: true });
  });
  ctx.jobs.every('platform.backup', config.backupIntervalHours * 60 * 60 * 1000);
}
