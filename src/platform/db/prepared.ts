import { sql } from 'kysely';
import pg from 'pg';

// Every parameterised statement the application sends is prepared once per connection and then only bound and
// executed: the server parses it once, and after a few runs keeps one generic plan when that plan costs no more
// than planning for the values (PostgreSQL's plan_cache_mode = auto). Names come from the statement text; the
// texts' length, their number and the statements per connection are bounded, so queries built with a varying shape
// (IN lists, multi-row inserts) stay unnamed.
//
// A statement whose best plan depends on its values (how many units a reach holds, how common a searched name is)
// carries `planForValues`: it stays unnamed, so it is planned for its actual values on every run.

const PLAN_FOR_VALUES = '/* planned for its values */';
/** Put in a statement whose plan must follow its parameters (see above). */
export const planForValues = sql.raw(PLAN_FOR_VALUES);

const MAX_TEXTS = 4000;
const MAX_PER_CONNECTION = 500;
/** Longer texts are bulk writes built for their data (multi-row inserts): parsing them once gains nothing. */
const MAX_TEXT_LENGTH = 8192;
const namesByText = new Map<string, string>();

function nameFor(text: string): string | null {
  const known = namesByText.get(text);
  if (known) return known;
  if (namesByText.size >= MAX_TEXTS) return null;
  const name = `gd_${namesByText.size + 1}`;
  namesByText.set(text, name);
  return name;
}

type QueryArgs = Parameters<pg.Client['query']>;

export class PreparingClient extends pg.Client {
  readonly #prepared = new Set<string>();

  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    if (typeof text === 'string' && text.length <= MAX_TEXT_LENGTH && !text.includes(PLAN_FOR_VALUES) && Array.isArray(values) && values.length > 0 && callback === undefined) {
      const name = this.#statementName(text);
      if (name) return super.query({ name, text, values } as never) as never;
    }
    return (super.query as (...a: QueryArgs) => unknown)(...(args as QueryArgs)) as never;
  }

  #statementName(text: string): string | null {
    const name = nameFor(text);
    if (!name) return null;
    if (this.#prepared.has(name)) return name;
    if (this.#prepared.size >= MAX_PER_CONNECTION) return null;
    this.#prepared.add(name);
    return name;
  }
}
