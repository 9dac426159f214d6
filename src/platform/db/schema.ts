import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CalendarTables } from '../../modules/calendar/schema.ts';
import type { DossierTables } from '../../modules/dossiers/tables.ts';
import type { CatalogTables } from '../../modules/catalog/tables.ts';
import type { CitizenTables } from '../../modules/citizen/tables.ts';
import type { ReportTables } from '../../modules/reports/tables.ts';

// Kysely table types. Each module adds its tables here so one Kysely instance types every query.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

export interface UnitsTable {
  id: Generated<string>;
  code: string | null;
  agency_code: string | null;
  kind: string;
  name: string;
  full_name: string;
  name_folded: string;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnitClosureTable {
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}

export interface UnitSuccessionsTable {
  predecessor_id: string;
  successor_id: string;
  effective_on: string;
  note: string | null;
}

export interface UsersTable {
  id: Generated<string>;
  kind: 'official' | 'citizen';
  username: string | null;
  full_name: string;
  full_name_folded: string;
  phone: string | null;
  email: string | null;
  unit_id: string | null;
  password_hash: string;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleGrantsTable {
  user_id: string;
  role: string;
  unit_id: string;
  granted_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string;
  unit_id: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  ip: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: Json;
  unit_id: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  available_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  last_error: string | null;
  delivered_at: Date | null;
  dead_at: Date | null;
}

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: Json;
  singleton_key: string | null;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Date | null;
  completed_at: Date | null;
  failed_at: Date | null;
  last_error: string | null;
  created_at: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Timestamp;
}

export interface PlatformTables {
  units: UnitsTable;
  unit_closure: UnitClosureTable;
  unit_successions: UnitSuccessionsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  jobs: JobsTable;
  settings: SettingsTable;
}

export interface Schema extends PlatformTables, CalendarTables, CatalogTables, DossierTables, CitizenTables, ReportTables {}

export type UnitRow = Selectable<UnitsTable>;
export type NewUnitRow = Insertable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
