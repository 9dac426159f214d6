import type { ColumnType, Generated, Selectable } from 'kysely';
import type { QaTables } from '../qa/tables.ts';
import type { RatingTables } from '../ratings/tables.ts';

// Kysely types of the citizen side's tables (migrations/0005_citizen.sql): drafts, their files, preferences,
// plus the Q&A and rating tables, so schema.ts extends one interface for all of them.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface SubmissionDraftsTable {
  id: Generated<string>;
  token_hash: string | null;
  user_id: string | null;
  procedure_id: string | null;
  data: Json<Record<string, unknown>>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  expires_at: Date;
  submitted_dossier_id: string | null;
  reference: string | null;
  submitted_at: Date | null;
}

export interface SubmissionFilesTable {
  draft_id: string;
  file_id: string;
  created_at: Timestamp;
}

export interface CitizenPreferencesTable {
  user_id: string;
  notify_email: Generated<boolean>;
  notify_sms: Generated<boolean>;
  locale: Generated<'vi' | 'en'>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface CitizenTables extends QaTables, RatingTables {
  submission_drafts: SubmissionDraftsTable;
  submission_files: SubmissionFilesTable;
  citizen_preferences: CitizenPreferencesTable;
}

export type DraftRow = Selectable<SubmissionDraftsTable>;
