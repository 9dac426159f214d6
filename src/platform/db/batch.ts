import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Schema } from './schema.ts';

// Writes that need no answer (history, audit, statistics, outbox, idempotency rows) collected during a command and
// sent as one statement of data-modifying CTEs: one round trip instead of one per row set. All of them run in the
// caller's transaction and either all apply or none. Two writes to the same table must not depend on each other's
// order (CTEs run as one statement); the caller keeps such writes in one insert.

/** Renumbers `$n` parameter markers by `offset`, leaving quoted strings and identifiers alone. */
export function shiftParameters(text: string, offset: number): string {
  if (!offset) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const end = closingQuote(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (ch === '$' && /\d/.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < text.length && /\d/.test(text[j])) j++;
      out += `$${Number(text.slice(i + 1, j)) + offset}`;
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function closingQuote(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

/** One statement running every query of `queries` (each an INSERT/UPDATE/DELETE without RETURNING). */
export function combineWrites(queries: readonly CompiledQuery[]): CompiledQuery {
  if (queries.length === 1) return queries[0];
  const parameters: unknown[] = [];
  const parts = queries.map((q, i) => {
    const text = shiftParameters(q.sql, parameters.length);
    parameters.push(...q.parameters);
    return `w${i} as (${text})`;
  });
  return CompiledQuery.raw(`with ${parts.join(', ')} select 1`, parameters);
}

export class WriteBatch {
  readonly #queries: CompiledQuery[] = [];

  add(query: Compilable | null | undefined): this {
    if (query) this.#queries.push(query.compile());
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
