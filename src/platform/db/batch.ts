import { CompiledQuery, type Compilable, type Insertable, type Kysely } from 'kysely';
import type { Schema } from './schema.ts';

// Writes that need no answer (history, audit, statistics, outbox, idempotency rows) collected during a command and
// sent as one statement of data-modifying CTEs: one round trip instead of one per row set. All of them run in the
// caller's transaction and either all apply or none. Two writes to the same table must not depend on each other's
// order (CTEs run as one statement); the caller keeps such writes in one insert.

/** Renumbers `$n` parameter markers by `offset`, leaving quoted strings and identifiers alone. */
export function shiftParameters(text: string, offset: number): string {
  if (!offset) return text;
  return text.replace(/'(?:[^']|'')*(?:'|$)|"(?:[^"]|"")*(?:"|$)|\$(\d+)/g, (match, n: string | undefined) => (n ? `$${Number(n) + offset}` : match));
}

// Commands send the same few shapes of batch again and again: each shape's text is built once, and being the same
// string every time, it is also found at once among the prepared statements (see prepared.ts).
interface ShapeNode {
  text?: string;
  next: Map<string, ShapeNode>;
}
const shapes: ShapeNode = { next: new Map() };
let shapeCount = 0;
const MAX_SHAPES = 2000;

function combinedText(queries: readonly CompiledQuery[]): string {
  let node = shapes;
  for (const q of queries) {
    let child = node.next.get(q.sql);
    if (!child) {
      if (shapeCount >= MAX_SHAPES) return buildText(queries);
      child = { next: new Map() };
      node.next.set(q.sql, child);
      shapeCount++;
    }
    node = child;
  }
  return (node.text ??= buildText(queries));
}

function buildText(queries: readonly CompiledQuery[]): string {
  let offset = 0;
  const parts = queries.map((q, i) => {
    const part = `w${i} as (${shiftParameters(q.sql, offset)})`;
    offset += q.parameters.length;
    return part;
  });
  return `with ${parts.join(', ')} select 1`;
}

/** One statement running every query of `queries` (each an INSERT/UPDATE/DELETE without RETURNING). */
export function combineWrites(queries: readonly CompiledQuery[]): CompiledQuery {
  if (queries.length === 1) return queries[0];
  return CompiledQuery.raw(combinedText(queries), queries.flatMap((q) => q.parameters));
}

const insertTexts = new Map<string, string>();
const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * An INSERT of `rows` (their defined columns, the same in every row, in the first row's order), then `suffix` (an ON
 * CONFLICT clause), built without a query tree: the writes every command makes (history, audit, statistics, outbox)
 * cost a lookup of their text instead of a compilation. Values go as parameters, as the query builder sends them.
 */
export function insertRows<T extends keyof Schema & string>(table: T, rows: readonly Insertable<Schema[T]>[], suffix = ''): CompiledQuery {
  if (!rows.length) throw new Error(`insertRows(${table}): no rows`);
  const columns = Object.keys(rows[0]).filter((c) => (rows[0] as Record<string, unknown>)[c] !== undefined);
  const parameters: unknown[] = [];
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    const defined = Object.keys(values).filter((c) => values[c] !== undefined).length;
    if (defined !== columns.length || columns.some((c) => values[c] === undefined)) {
      throw new Error(`insertRows(${table}): every row must give the same columns`);
    }
    for (const c of columns) parameters.push(values[c]);
  }
  const key = `${table}|${rows.length}|${columns.join(',')}|${suffix}`;
  let text = insertTexts.get(key);
  if (!text) {
    let n = 0;
    const tuple = () => `(${columns.map(() => `$${++n}`).join(', ')})`;
    text = `insert into ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) values ${rows.map(tuple).join(', ')}${suffix ? ` ${suffix}` : ''}`;
    if (insertTexts.size < MAX_SHAPES) insertTexts.set(key, text);
  }
  return CompiledQuery.raw(text, parameters);
}

export class WriteBatch {
  readonly #queries: CompiledQuery[] = [];

  add(query: Compilable | CompiledQuery | null | undefined): this {
    if (query) this.#queries.push('compile' in query ? query.compile() : query);
    return this;
  }

  get size(): number {
    return this.#queries.length;
  }

  /** Sends everything collected so far in one statement and empties the batch. */
  async flush(db: Kysely<Schema>): Promise<void> {
    if (!this.#queries.length) return;
    const statement = combineWrites(this.#queries.splice(0));
    await db.executeQuery(statement);
  }
}
