import pg from 'pg';

// Both engines go through node-postgres, so one set of parsers gives both the same JavaScript types.
let installed = false;

export function installTypeParsers(): void {
  if (installed) return;
  installed = true;
  const { types } = pg;
  types.setTypeParser(20, (v: string) => Number(v)); // int8: counts and money in VND stay below 2^53
  types.setTypeParser(1700, (v: string) => Number(v)); // numeric
  types.setTypeParser(1082, (v: string) => v); // date stays 'YYYY-MM-DD'
}
