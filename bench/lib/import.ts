// Historical import: the import module's own bench (a generated year imported into a fresh demo database, the
// statistics checked against an independent count of the file), on PGlite and on PostgreSQL.
import { benchImport, type BenchResult } from '../../src/modules/dossiers/import/bench.ts';

export async function importRate(engine: 'pglite' | 'postgres', adminUrl: string, count: number): Promise<BenchResult> {
  const saved = process.env.BENCH_DATABASE_URL;
  if (engine === 'postgres') process.env.BENCH_DATABASE_URL = adminUrl;
  else delete process.env.BENCH_DATABASE_URL;
  try {
    return await benchImport(count);
  } finally {
    if (saved === undefined) delete process.env.BENCH_DATABASE_URL;
    else process.env.BENCH_DATABASE_URL = saved;
  }
}
