import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../access/reach.ts';
import { DEFAULT_CALENDAR_RULES, getCalendar, ruleVersion, type CalendarRules, type WorkingCalendar } from '../../calendar/index.ts';

// The rules in force are the newest stored rule set, or the shipped defaults when none was stored yet.
// Rule objects are immutable and cached by their version (a hash of the rules, so the cache is right whatever
// database the row came from); compiled calendars are reused across requests.

export interface RuleSet {
  id: number | null;
  version: string;
  rules: CalendarRules;
}

const defaults: RuleSet = { id: null, version: ruleVersion(DEFAULT_CALENDAR_RULES), rules: DEFAULT_CALENDAR_RULES };
const byVersion = new Map<string, RuleSet>();

function freeze(row: { id: number; version: string; rules: CalendarRules }): RuleSet {
  const cached = byVersion.get(row.version);
  if (cached && cached.id === row.id) return cached;
  const set = { id: row.id, version: row.version, rules: row.rules };
  byVersion.set(row.version, set);
  return set;
}

/** The rule set for a head row (id and version) read by the caller, loading the rules only on first sight. */
export async function ruleSetOf(db: Db, head: { id: number; version: string } | null): Promise<RuleSet> {
  if (!head) return defaults;
  const cached = byVersion.get(head.version);
  if (cached && cached.id === head.id) return cached;
  const row = await db.selectFrom('calendar_rule_sets').select(['id', 'version', 'rules']).where('id', '=', head.id).executeTakeFirstOrThrow();
  return freeze(row);
}

export async function currentRuleSet(db: Db): Promise<RuleSet> {
  const head = await db.selectFrom('calendar_rule_sets').select(['id', 'version']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return ruleSetOf(db, head ?? null);
}

/** The newest rule set's id and version, as read next to a row (see calendarColumns). */
export type RuleSetHead = { id: number; version: string };

const ruleSetHeadSql = sql<RuleSetHead | null>`(select json_build_object('id', r.id, 'version', r.version)
  from calendar_rule_sets r order by r.id desc limit 1)`;

const unitChainSql = (unitId: RawBuilder<unknown>) => sql<string[] | null>`(select array_agg(c.ancestor_id::text order by c.depth desc)
  from unit_closure c where c.descendant_id = ${unitId})`;

/**
 * SQL selecting, next to a row with a unit id, what `calendarFrom` needs: the newest rule set's id and version,
 * and the unit's chain from the root down. Lets a hot read (the public lookup, intake) fetch its calendar in the
 * same round trip as its row.
 */
export function calendarColumns(unitIdColumn: string) {
  return { ruleSetHead: ruleSetHeadSql, unitChain: unitChainSql(sql.ref(unitIdColumn)) };
}

export async function calendarFrom(db: Db, head: { id: number; version: string } | null, chain: string[] | null): Promise<{ calendar: WorkingCalendar; ruleSet: RuleSet }> {
  const ruleSet = await ruleSetOf(db, head);
  const known = (chain ?? []).filter((id) => ruleSet.rules.units?.[id]);
  return { calendar: getCalendar(ruleSet.rules, known), ruleSet };
}

/** The rule set a stored due date was computed with (falls back to the defaults' version). */
export async function ruleSetByVersion(db: Db, version: string): Promise<RuleSet | null> {
  if (version === defaults.version) return defaults;
  const row = await db.selectFrom('calendar_rule_sets').select(['id', 'version', 'rules']).where('version', '=', version).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? freeze(row) : null;
}

export async function ruleSetHistory(db: Db, limit = 50) {
  return db
    .selectFrom('calendar_rule_sets as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.id', 'r.version', 'r.note', 'r.created_at', 'u.full_name as created_by_name'])
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertRuleSet(db: Db, rules: CalendarRules, note: string | null, userId: string | null): Promise<RuleSet> {
  const version = ruleVersion(rules);
  const row = await db
    .insertInto('calendar_rule_sets')
    .values({ version, rules: JSON.stringify(rules), note, created_by: userId })
    .returning(['id', 'version', 'rules'])
    .executeTakeFirstOrThrow();
  return freeze(row);
}

/** Unit ids from the root down to the unit: the chain whose own days apply (getCalendar's second argument). */
export async function unitChain(db: Db, unitId: string | null | undefined): Promise<string[]> {
  if (!unitId) return [];
  const rows = await db.selectFrom('unit_closure').select('ancestor_id').where('descendant_id', '=', unitId).orderBy('depth', 'desc').execute();
  return rows.map((r) => r.ancestor_id);
}

// A unit's chain changes only when a unit is moved or merged. Reads that may show a minute-old calendar (the public
// lookup's remaining time) take it from here rather than from the closure table on every row.
const CHAIN_TTL_MS = 60_000;
const CHAINS_KEPT = 20_000;
type KeptChains = Map<string, { chain: Promise<string[]>; until: number }>;
const recentChains = new WeakMap<object, KeptChains>();

/** unitChain, remembered for a minute per database. */
export function recentUnitChain(db: Db, unitId: string, now = Date.now()): Promise<string[]> {
  const chains: KeptChains = recentChains.get(db) ?? new Map();
  const kept = chains.get(unitId);
  if (kept && kept.until > now) return kept.chain;
  if (chains.size >= CHAINS_KEPT) chains.clear();
  const chain = unitChain(db, unitId);
  chains.set(unitId, { chain, until: now + CHAIN_TTL_MS });
  recentChains.set(db, chains);
  chain.catch(() => {
    if (chains.get(unitId)?.chain === chain) chains.delete(unitId);
  });
  return chain;
}

export async function calendarFor(db: Db, unitId?: string | null): Promise<{ calendar: WorkingCalendar; ruleSet: RuleSet }> {
  const { rows } = await sql<{ head: { id: number; version: string } | null; chain: string[] | null }>`select
    ${ruleSetHeadSql} as head, ${unitChainSql(sql`${unitId ?? null}::uuid`)} as chain`.execute(db);
  return calendarFrom(db, rows[0].head, rows[0].chain);
}
