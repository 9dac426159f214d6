import {
  CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type Compilable,
} from 'kysely';
import type { Schema } from './schema.ts';

// Hot reads whose shape never changes (the public lookup) are compiled to SQL once: each request then only binds
// its values, with the same statement text (so the prepared statement is found at once, see prepared.ts).

/** Builds queries for compiling only; it has no connection. */
export const queryShapes = new Kysely<Schema>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * Compiles `build(...sample)` once. The query must take exactly its arguments as its parameters, in order (checked
 * here); the returned function runs it with other values.
 */
export function compiledOnce<A extends readonly unknown[], R>(build: (db: Kysely<Schema>, ...args: A) => Compilable<R>, sample: A) {
  const compiled = build(queryShapes, ...sample).compile();
  if (compiled.parameters.length !== sample.length || compiled.parameters.some((p, i) => p !== sample[i])) {
    throw new Error('compiledOnce: the query must take exactly its arguments as parameters, in order');
  }
  return async (db: Kysely<Schema>, ...args: A): Promise<R[]> => (await db.executeQuery(CompiledQuery.raw(compiled.sql, [...args]) as CompiledQuery<R>)).rows;
}
