import type { ColumnType, Generated, Selectable } from 'kysely';

// Kysely types of the rating tables (migrations/0005_citizen.sql).

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type SatisfactionLevel = 'very_satisfied' | 'satisfied' | 'neutral' | 'dissatisfied' | 'very_dissatisfied';

export interface DossierRatingsTable {
  dossier_id: string;
  unit_id: string;
  procedure_id: string;
  official_id: string | null;
  rated_at: Date;
  channel: 'kiosk' | 'online' | 'lookup' | 'import';
  attitude: SatisfactionLevel;
  overall: SatisfactionLevel | null;
  contacts_needed: number | null;
  bodies_visited: number | null;
  info_correct: boolean | null;
  comment: string | null;
}

export interface KioskDevicesTable {
  id: Generated<string>;
  unit_id: string;
  token_hash: string;
  label: string;
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface RatingTables {
  dossier_ratings: DossierRatingsTable;
  kiosk_devices: KioskDevicesTable;
}

export type RatingRow = Selectable<DossierRatingsTable>;
export type { Timestamp };
