import type { ColumnType, Generated, Selectable } from 'kysely';
import type { TimelineItem } from './domain/timeline.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface FilesTable {
  id: Generated<string>;
  sha256: string;
  size_bytes: number;
  media_type: string;
  original_name: string;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface DossierCodeCountersTable {
  unit_id: string;
  day: string;
  last: number;
}

export interface DossiersTable {
  id: Generated<string>;
  code: string | null;
  lookup_secret: string | null;
  unit_id: string;
  procedure_id: string;
  procedure_version_id: string | null;
  case_id: string | null;
  procedure_code: string;
  procedure_name: string;
  field: string | null;
  workflow_version_id: string | null;
  duration_kind: string;
  duration_amount: number | null;
  channel: 'counter' | 'post' | 'online';
  state: string;
  national_status: number;
  step_key: string | null;
  step_role: string | null;
  step_trail: Json<string[]>;
  state_before_pause: string | null;
  state_before_supplement: string | null;
  assignee_id: string | null;
  applicant_kind: 'person' | 'organisation';
  applicant_name: string;
  applicant_name_folded: string;
  applicant_id_number: string | null;
  applicant_birth_year: number | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  applicant_address: string | null;
  applicant_address_unit_id: string | null;
  applicant_user_id: string | null;
  submitted_at: Date;
  received_at: Date | null;
  clock_start_at: Date | null;
  due_at: Date | null;
  appointment_at: Date | null;
  finished_at: Date | null;
  returned_at: Date | null;
  closed_at: Date | null;
  calendar_rule_version: string | null;
  supplement_rounds: Generated<number>;
  apology_count: Generated<number>;
  paused_since: Date | null;
  paused_working_ms: Generated<number>;
  fees: ColumnType<{ name: string; amountVnd: number }[], string | undefined, string>;
  fee_total: Generated<number>;
  paid_total: Generated<number>;
  payment_gate: Generated<boolean>;
  receipt_issue: Generated<number>;
  result_number: string | null;
  result_signed_on: string | null;
  result_signer: string | null;
  result_file_id: string | null;
  intake_note: string | null;
  imported: Generated<boolean>;
  received_by: string | null;
  version: Generated<number>;
  /** Each event's (action, time), kept from dossier_events (migration 0016); written as JSON text. */
  timeline: ColumnType<TimelineItem[], TimelineItem[] | string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DossierIdempotencyTable {
  scope: string;
  key: string;
  request_hash: string;
  dossier_id: string;
  created_at: Timestamp;
}

export interface DossierDocumentsTable {
  id: Generated<string>;
  dossier_id: string;
  position: number;
  name: string;
  copy_type: string | null;
  count: number;
  required: boolean;
  received: boolean;
  file_id: string | null;
  note: string | null;
}

export interface DossierEventsTable {
  id: Generated<number>;
  dossier_id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  actor_unit_id: string | null;
  action: string;
  from_state: string | null;
  to_state: string;
  from_step: string | null;
  to_step: string | null;
  step_name: string | null;
  step_deadline: Date | null;
  due_at: Date | null;
  assignee_id: string | null;
  note: string | null;
  data: Json | null;
}

export interface SupplementRoundsTable {
  id: Generated<string>;
  dossier_id: string;
  stage: 'intake' | 'processing';
  requested_at: Date;
  requested_by: string | null;
  reason: string;
  items: Json<{ document: string; reason: string }[]>;
  applicant_deadline: Date | null;
  completed_at: Date | null;
  old_due_at: Date | null;
  new_due_at: Date | null;
}

export interface DossierPausesTable {
  id: Generated<string>;
  dossier_id: string;
  reason: string;
  started_at: Date;
  ended_at: Date | null;
  paused_working_ms: number | null;
}

export interface DossierPaymentsTable {
  id: Generated<string>;
  dossier_id: string;
  unit_id: string;
  amount: number;
  method: 'cash' | 'transfer' | 'card' | 'online';
  receipt_number: string | null;
  paid_at: Date;
  recorded_by: string | null;
  refunded_at: Date | null;
  refund_amount: number | null;
  refund_reason: string | null;
}

export interface DossierStatsTable {
  unit_id: string;
  procedure_id: string;
  period: 'day' | 'month';
  period_start: string;
  received_counter: Generated<number>;
  received_post: Generated<number>;
  received_online: Generated<number>;
  received_supplemented: Generated<number>;
  received_refused: Generated<number>;
  intake_incomplete: Generated<number>;
  intake_refused: Generated<number>;
  resolved_early: Generated<number>;
  resolved_on_time: Generated<number>;
  resolved_late: Generated<number>;
  resolved_refused: Generated<number>;
  withdrawn: Generated<number>;
  stopped: Generated<number>;
  due: Generated<number>;
  closed_due: Generated<number>;
  processing_ms: Generated<number>;
}

/** Maintained by triggers on dossiers (migrations/0013_queue_counts.sql): read only. */
export interface DossierQueueCountsTable {
  unit_id: string;
  state: string;
  due_day: string | null;
  assigned: boolean;
  step_role: string | null;
  n: string;
}

/** Every word of an applicant's name ever written, kept by triggers (migrations/0014_applicant_name_words.sql): read only. */
export interface ApplicantNameWordsTable {
  word: string;
}

export interface DossierTables {
  files: FilesTable;
  dossier_code_counters: DossierCodeCountersTable;
  dossiers: DossiersTable;
  dossier_idempotency: DossierIdempotencyTable;
  dossier_documents: DossierDocumentsTable;
  dossier_events: DossierEventsTable;
  supplement_rounds: SupplementRoundsTable;
  dossier_pauses: DossierPausesTable;
  dossier_payments: DossierPaymentsTable;
  dossier_stats: DossierStatsTable;
  dossier_queue_counts: DossierQueueCountsTable;
  applicant_name_words: ApplicantNameWordsTable;
}

export type DossierRow = Selectable<DossiersTable>;

/** The column defaults of a new dossier (migrations/0004_dossiers.sql; a test compares them), for rows built before they are written. */
export const newDossierDefaults = {
  supplement_rounds: 0, apology_count: 0, paused_working_ms: 0, fee_total: 0, paid_total: 0, payment_gate: false, receipt_issue: 1,
  imported: false, version: 1,
} as const satisfies Partial<DossierRow>;
