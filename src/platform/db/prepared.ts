import pg from 'pg';

// Every parameterised statement the application sends is prepared once per connection and then only bound and
// executed: the server parses, analyses and (after a few runs) plans it once instead of on every request. Names
// come from the statement text; both the set of texts and the statements per connection are bounded, so queries
// built with a varying shape (IN lists of any length) fall back to unnamed statements instead of filling memory.

const MAX_TEXTS = 4000;
const MAX_PER_CONNECTION = 500;
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
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
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
