import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './lock.ts';
import { PreparingClient } from './prepared.ts';
import type { Schema } from './schema.ts';
import { installTypeParsers } from './types.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<Schema>;
  pool: pg.Pool;
  engine: Engine;
  /** The embedded engine, for dumps and backups; null on PostgreSQL. */
  pglite: PGlite | null;
  /** The connection string on PostgreSQL (pg-boss opens its own connections); null when embedded. */
  url: string | null;
  close(): Promise<void>;
}

export const pgliteExtensions = { pg_trgm, btree_gist };

function wrap(pool: pg.Pool, engine: Engine, pglite: PGlite | null, url: string | null, onClose: () => Promise<void>): Database {
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    pool,
    engine,
    pglite,
    url,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy(); // ends the pool too
      await onClose();
    },
  };
}

export interface PgOptions {
  max?: number;
  applicationName?: string;
}

export function connectPostgres(url: string, options: PgOptions = {}): Database {
  installTypeParsers();
  const pool = new pg.Pool({
    connectionString: url,
    Client: PreparingClient,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'gandan',
  });
  pool.on('error', () => undefined); // an idle client lost its server; the next checkout reconnects
  return wrap(pool, 'postgres', null, url, async () => undefined);
}

/** Opens a PGlite instance (folder path or memory://) and wraps it in a node-postgres pool of one connection. */
export async function openPglite(dataDir: string, options: { lock?: boolean; loadDataDir?: Blob } = {}): Promise<Database> {
  installTypeParsers();
  const inMemory = dataDir.startsWith('memory://');
  let release = () => undefined as void;
  if (!inMemory) {
    mkdirSync(dirname(dataDir), { recursive: true });
    if (options.lock !== false) release = acquireDataDirLock(`${dataDir}.lock`);
  }
  try {
    const pglite = await PGlite.create(dataDir, { extensions: pgliteExtensions, loadDataDir: options.loadDataDir });
    const pool = new pg.Pool({ ...createPgConfig(pglite), Client: PreparingClient });
    return wrap(pool, 'pglite', pglite, null, async () => {
      await pglite.close(); // Kysely's destroy() has already ended the pool
      release();
    });
  } catch (err) {
    release();
    throw err;
  }
}

export async function openDatabase(config: { databaseUrl: string | null; dbDir: string }): Promise<Database> {
  return config.databaseUrl ? connectPostgres(config.databaseUrl) : openPglite(config.dbDir);
}
