import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './engine.ts';

export const migrationsDir = join(import.meta.dirname, '..', '..', '..', 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/** A fingerprint of all migrations; test templates are cached under it. */
export function migrationsFingerprint(migrations = loadMigrations()): string {
  const h = createHash('sha256');
  for (const m of migrations) h.update(m.name).update(m.checksum);
  return h.digest('hex').slice(0, 16);
}

const LOCK_KEY = 4_262_026; // advisory lock: several server processes may start at once

/** Applies pending migrations, each in its own transaction; returns the names applied. */
export async function migrate(database: Database, migrations = loadMigrations()): Promise<string[]> {
  const client = await database.pool.connect();
  const applied: string[] = [];
  try {
    await client.query(`create table if not exists schema_migrations (
      version integer primary key, name text not null, checksum text not null,
      applied_at timestamptz not null default now())`);
    if (database.engine === 'postgres') await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      const { rows } = await client.query<{ version: number; checksum: string; name: string }>(
        'select version, checksum, name from schema_migrations',
      );
      const done = new Map(rows.map((r) => [r.version, r]));
      for (const m of migrations) {
        const prior = done.get(m.version);
        if (prior) {
          if (prior.checksum !== m.checksum) {
            throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
          }
          continue;
        }
        await client.query('begin');
        try {
          await client.query(m.sql);
          await client.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
            m.version,
            m.name,
            m.checksum,
          ]);
          await client.query('commit');
          applied.push(m.name);
        } catch (err) {
          await client.query('rollback');
          throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
        }
      }
    } finally {
      if (database.engine === 'postgres') await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  } finally {
    client.release();
  }
  return applied;
}
