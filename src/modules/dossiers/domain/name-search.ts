// Searching dossiers by the applicant's name: "the folded name contains the folded text typed". A trigram index
// answers that slowly at ten million dossiers whenever the text holds a common syllable (Thị, Văn, Nguyễn): their
// trigram lists are millions long. The names are instead indexed by whole words, and each word typed is matched to
// the words of the vocabulary it can stand for. The text's spaces line up with spaces of the name, so its inner
// words are whole words of the name, its first word ends one, its last word starts one, and a text of one word
// lies inside one.

export type TermMatch = 'word' | 'suffix' | 'prefix' | 'infix';

export interface NameTerm {
  text: string;
  match: TermMatch;
}

/** The terms of a folded search text (single spaces, trimmed: see foldVietnamese). */
export function nameTerms(folded: string): NameTerm[] {
  const words = folded.split(' ').filter(Boolean);
  if (words.length === 1) return [{ text: words[0], match: 'infix' }];
  return words.map((text, i) => ({ text, match: i === 0 ? 'suffix' : i === words.length - 1 ? 'prefix' : 'word' }));
}

/** The term as a LIKE pattern over the vocabulary's words (escape character: backslash). */
export function termPattern(term: NameTerm): string {
  const text = term.text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return term.match === 'word' ? text : term.match === 'prefix' ? `${text}%` : term.match === 'suffix' ? `%${text}` : `%${text}%`;
}

/** How often words occur in names and units in dossiers (shares of all dossiers), from the database's statistics. */
export interface SearchStatistics {
  dossiers: number;
  words: ReadonlyMap<string, number>;
  /** For a word the statistics do not list: at most the least share they do list. */
  unlistedWord: number;
  units: ReadonlyMap<string, number>;
  unlistedUnit: number;
}

/** Where the list looks: its units (null: no unit limit) and whether it walks each unit's own index. */
export interface SearchScope {
  units: readonly string[] | null;
  perUnit: boolean;
}

/** A term matched to the vocabulary: the words it can stand for (all of them unless `many`). */
export interface ExpandedTerm {
  words: string[];
  /** It stands for more than MAX_TERM_WORDS words, of which `words` holds some. */
  many: boolean;
}

export type NameSearchPlan =
  | { kind: 'none' }
  /** Walk the list's own order and keep the names that contain the text: for texts that many names contain. */
  | { kind: 'walk' }
  /** Fetch the dossiers whose names hold one of the words of each given term, then keep those containing the text. */
  | { kind: 'words'; terms: string[][] };

// Costs in µs measured at 10 million dossiers (2 cores, PostgreSQL 15): walking a creation-order index that holds
// the name and the unit (migrations/0015_covering_walk.sql) ~0.15 a row passed over, province-wide or in one
// unit; the word index ~0.05 per entry of the rarest term's list for each term intersected; fetching and checking
// a dossier it returns ~5.
const WALK_COST = 0.15;
const INTERSECT_COST = 0.05;
const FETCH_COST = 5;
/** A term standing for more words than this is not listed in the index condition (its share is then large anyway). */
export const MAX_TERM_WORDS = 64;

/** The share of dossiers holding one of `keys` (words, units), at most 1. */
function shareOf<K>(keys: readonly K[], shares: ReadonlyMap<K, number>, unlisted: number): number {
  return Math.min(1, keys.reduce((sum, k) => sum + (shares.get(k) ?? unlisted), 0));
}

/**
 * How to search: nothing can match when a term stands for no word; otherwise the cheapest of walking the list's
 * order (rows visited until a page of matches, or the whole scope) and fetching the dossiers that the rarest k
 * terms allow, for each k. Without statistics (a new or small database) through the word index by every term.
 */
export function planNameSearch(expanded: ExpandedTerm[], statistics: SearchStatistics | null, scope: SearchScope, limit: number): NameSearchPlan {
  if (expanded.some((t) => !t.words.length)) return { kind: 'none' };
  const listed = expanded.filter((t) => !t.many);
  if (!listed.length) return { kind: 'walk' };
  if (!statistics) return { kind: 'words', terms: listed.map((t) => t.words) };
  const all = statistics.dossiers;
  const terms = expanded.map((t) => ({ ...t, share: t.many ? 1 : shareOf(t.words, statistics.words, statistics.unlistedWord) }));
  const rarest = terms.filter((t) => !t.many).sort((a, b) => a.share - b.share);
  const matches = terms.reduce((n, t) => n * t.share, all);
  const inScope = scope.units ? shareOf(scope.units, statistics.units, statistics.unlistedUnit) : 1;
  let best: { cost: number; plan: NameSearchPlan } = {
    cost: WALK_COST * (scope.perUnit
      ? Math.min(inScope * all, (limit * all) / Math.max(matches, 1e-9))
      : Math.min(all, (limit * all) / Math.max(matches * inScope, 1e-9))),
    plan: { kind: 'walk' },
  };
  for (let k = 1, fetched = all; k <= rarest.length; k++) {
    fetched *= rarest[k - 1].share;
    const cost = INTERSECT_COST * rarest[0].share * all * k + FETCH_COST * fetched;
    if (cost < best.cost) best = { cost, plan: { kind: 'words', terms: rarest.slice(0, k).map((t) => t.words) } };
  }
  return best.plan;
}
