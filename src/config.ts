import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** postgres://… when set; otherwise the embedded PGlite database in `dbDir`. */
  databaseUrl: string | null;
  dataDir: string;
  dbDir: string;
  filesDir: string;
  backupDir: string;
  /** Hours between automatic backups; 0 turns them off. */
  backupIntervalHours: number;
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
  trustProxy: boolean | string;
  sessionSecret: string;
  seedDemo: boolean;
  logLevel: string;
  /** Bench-only: lifts rate limits. Never set in production. */
  rateLimitsOff: boolean;
  /** Sign-in attempts per minute per client address. */
  loginRatePerMinute: number;
  webDistDir: string;
}

type Env = Record<string, string | undefined>;

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function intOr(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number (got "${value}")`);
  return n;
}

function trustProxySetting(value: string | undefined): boolean | string {
  if (value === undefined || value === '') return false;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  return value; // a list of addresses or CIDRs, as Fastify accepts
}

/** In embedded mode a missing SESSION_SECRET is generated once and kept beside the data. */
function sessionSecret(env: Env, dataDir: string, embedded: boolean): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (!embedded) throw new Error('SESSION_SECRET is required when DATABASE_URL is set');
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = env.DATABASE_URL || null;
  const embedded = databaseUrl === null;
  const dataDir = resolve(env.DATA_DIR || './data');
  const port = intOr(env.PORT, 3000, 'PORT');
  return {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir,
    dbDir: resolve(env.DB_DIR || join(dataDir, 'db')),
    filesDir: resolve(env.FILES_DIR || join(dataDir, 'files')),
    backupDir: resolve(env.BACKUP_DIR || join(dataDir, 'backups')),
    backupIntervalHours: intOr(env.BACKUP_INTERVAL_HOURS, embedded ? 24 : 0, 'BACKUP_INTERVAL_HOURS'),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || 'Gần Dân <no-reply@localhost>',
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    trustProxy: trustProxySetting(env.TRUST_PROXY),
    sessionSecret: sessionSecret(env, dataDir, embedded),
    seedDemo: bool(env.SEED_DEMO, embedded),
    logLevel: env.LOG_LEVEL || 'info',
    rateLimitsOff: bool(env.GANDAN_BENCH_NO_RATE_LIMITS, false),
    loginRatePerMinute: intOr(env.LOGIN_RATE_PER_MINUTE, 10, 'LOGIN_RATE_PER_MINUTE'),
    webDistDir: resolve(env.WEB_DIST_DIR || join(import.meta.dirname, '..', 'web', 'dist')),
  };
}
