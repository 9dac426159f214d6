import { sql } from 'kysely';
import type { Db } from '../../access/reach.ts';
import { planForValues } from '../../platform/db/prepared.ts';
import { MAX_TERM_WORDS, nameTerms, planNameSearch, termPattern, type ExpandedTerm, type NameSearchPlan, type SearchScope, type SearchStatistics } from './domain/name-search.ts';

// The reads behind a search by name (see domain/name-search.ts): the vocabulary words each typed word can stand
// for, and how often words occur in names and units in dossiers, from the statistics ANALYZE keeps.

const WORD_INDEX = 'dossiers_applicant_words_idx';

/** For each term, up to MAX_TERM_WORDS + 1 vocabulary words it can stand for (more means "many"). */
async function expand(db: Db, folded: string): Promise<ExpandedTerm[]> {
  const terms = nameTerms(folded);
  const parts = terms.map((t, i) => sql`(select ${i}::int as term, word from applicant_name_words
    where word like ${termPattern(t)} escape '\\' order by word limit ${MAX_TERM_WORDS + 1})`);
  // Planned for its patterns: the vocabulary's trigram index helps a long pattern, not one of a letter or two.
  const { rows } = await sql<{ term: number; word: string }>`${sql.join(parts, sql` union all `)} ${planForValues}`.execute(db);
  return terms.map((_, i) => {
    const words = rows.filter((r) => r.term === i).map((r) => r.word);
    return { words, many: words.length > MAX_TERM_WORDS };
  });
}

/** Pairs of most-common values and their shares as pg_stats lists them; the share after the last pair is the least. */
function shares(values: string[] | null, freqs: number[] | null): { shares: Map<string, number>; least: number } | null {
  if (!values?.length || !freqs) return null;
  return { shares: new Map(values.map((v, i) => [v, freqs[i]])), least: freqs[values.length] ?? Math.min(...freqs) };
}

/**
 * Word shares from the word index's expression (most_common_elems: each listed word's share, then the least and
 * greatest of them) and unit shares from dossiers.unit_id (most_common_vals; the least listed bounds the others).
 * Null before the first ANALYZE.
 */
async function searchStatistics(db: Db): Promise<SearchStatistics | null> {
  const { rows } = await sql<{ dossiers: number; words: string[] | null; word_freqs: number[] | null; units: string[] | null; unit_freqs: number[] | null }>`
    select c.reltuples::float8 as dossiers,
      w.most_common_elems::text::text[] as words, w.most_common_elem_freqs::float8[] as word_freqs,
      u.most_common_vals::text::text[] as units, u.most_common_freqs::float8[] as unit_freqs
    from pg_class c
    left join pg_stats w on w.schemaname = current_schema() and w.tablename = ${WORD_INDEX}
    left join pg_stats u on u.schemaname = current_schema() and u.tablename = 'dossiers' and u.attname = 'unit_id'
    where c.oid = 'dossiers'::regclass`.execute(db);
  const r = rows[0];
  const words = shares(r?.words ?? null, r?.word_freqs ?? null);
  if (!r || !words || r.dossiers <= 0) return null;
  const units = shares(r.units, r.unit_freqs);
  return { dossiers: r.dossiers, words: words.shares, unlistedWord: words.least, units: units?.shares ?? new Map(), unlistedUnit: units?.least ?? 1 };
}

export async function nameSearchPlan(db: Db, folded: string, scope: SearchScope, limit: number, by?: 'walk' | 'words'): Promise<NameSearchPlan> {
  const [expanded, statistics] = await Promise.all([expand(db, folded), by ? null : searchStatistics(db)]);
  const plan = planNameSearch(expanded, statistics, scope, limit);
  return by === 'walk' && plan.kind === 'words' ? { kind: 'walk' } : plan;
}

/** The index condition of a 'words' plan: the name holds one of the words of each term. */
export function holdsWordOfEach(column: string, terms: string[][]) {
  const words = sql`string_to_array(${sql.ref(column)}, ' ')`;
  return sql<boolean>`(${sql.join(terms.map((t) => (t.length === 1 ? sql`${words} @> ${t}::text[]` : sql`${words} && ${t}::text[]`)), sql` and `)})`;
}
