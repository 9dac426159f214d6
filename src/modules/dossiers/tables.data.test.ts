import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/engine.ts';
import { createTestDatabase, testEngine } from '../../platform/db/testing.ts';
import { newDossierDefaults } from './tables.ts';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

test(`a dossier built before it is written has the table's column defaults (${testEngine})`, async () => {
  const { rows } = await sql<{ column_name: string; column_default: string | null }>`select column_name, column_default
    from information_schema.columns where table_schema = current_schema() and table_name = 'dossiers'`.execute(database.db);
  const defaults = new Map(rows.map((r) => [r.column_name, r.column_default]));
  for (const [column, value] of Object.entries(newDossierDefaults)) {
    const declared = defaults.get(column);
    assert.ok(declared, `dossiers.${column} has a default`);
    const evaluated = (await sql<{ v: unknown }>`select ${sql.raw(declared)} as v`.execute(database.db)).rows[0].v;
    assert.equal(String(evaluated), String(value), `dossiers.${column}`);
  }
});
