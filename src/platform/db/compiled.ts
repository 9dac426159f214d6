import {
  CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler,
} from 'kysely';
import type { Schema } from './schema.ts';

// Hot statements whose shape never changes (the public lookup, the session behind every request, what intake reads)
// are compiled to SQL once: each request then only binds its values, with the same statement text (so the prepared
// statement is found at once, see prepared.ts), and builds no query tree.

/** Builds queries for compiling only; it has no connection. */
export const queryShapes = new Kysely<Schema>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** A query builder (it compiles alone) or raw SQL (it compiles with the database it is meant for). */
type Compiles<R> = { compile(shapes: Kysely<Schema>): CompiledQuery<R> };

/**
 * Compiles `build(...sample)` once. Every parameter of the query must be one of its arguments (an argument may be
 * used several times, or not at all); the sample's values must be distinct, so that each parameter is known by its
 * value (checked here). The returned function runs the same SQL with other values.
 */
export function compiledOnce<A extends readonly unknown[], R>(build: (db: Kysely<Schema>, ...args: A) => Compiles<R>, sample: A) {
  const compiled = build(queryShapes, ...sample).compile(queryShapes);
  const argumentOf = compiled.parameters.map((p) => sample.indexOf(p));
  if (new Set(sample).size !== sample.length || argumentOf.some((i) => i < 0)) {
    throw new Error('compiledOnce: each parameter of the query must be one of its arguments, and the sample values distinct');
  }
  return async (db: Kysely<Schema>, ...args: A): Promise<R[]> =>
    (await db.executeQuery(CompiledQuery.raw(compiled.sql, argumentOf.map((i) => args[i])) as CompiledQuery<R>)).rows;
}
