import type { ColumnType, Generated, Selectable } from 'kysely';

// Kysely types of the catalogue's tables (migrations/0003_catalog.sql).

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as a JSON string (or a value), read as the parsed value. */
type Json<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;

export interface WorkflowsTable {
  id: Generated<string>;
  name: string;
  name_folded: string;
  owner_unit_id: string | null;
  default_for: 'standard' | 'on_the_spot' | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkflowVersionsTable {
  id: Generated<string>;
  workflow_id: string;
  number: number;
  status: 'draft' | 'published';
  definition: Json<unknown>;
  published_at: Date | null;
  created_at: Timestamp;
}

export interface ProceduresTable {
  id: Generated<string>;
  code: string;
  owner_unit_id: string | null;
  status: ColumnType<'draft' | 'published' | 'abolished', 'draft' | 'published' | 'abolished' | undefined>;
  abolished_on: string | null;
  abolish_decision_number: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProcedureVersionsTable {
  id: Generated<string>;
  procedure_id: string;
  number: number;
  status: 'draft' | 'published';
  name: string;
  name_folded: string;
  field: string | null;
  field_folded: string | null;
  levels: JsonDefault<string[]>;
  level_text: string | null;
  procedure_type: string | null;
  implementing_body: string | null;
  competent_authority: string | null;
  legal_basis: JsonDefault<unknown[]>;
  results: JsonDefault<unknown[]>;
  subjects: JsonDefault<string[]>;
  conditions: string | null;
  steps: string | null;
  receiving_address: string | null;
  channels: JsonDefault<string[]>;
  channel_options: JsonDefault<unknown[]>;
  online_level: ColumnType<'full' | 'partial' | 'unknown', 'full' | 'partial' | 'unknown' | undefined>;
  online_level_reason: string | null;
  on_the_spot: Generated<boolean>;
  decision_number: string | null;
  effective_from: string | null;
  effective_to: string | null;
  published_at: Date | null;
  body_folded: Generated<string>;
  source_url: string | null;
  source_fingerprint: string | null;
  source: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProcedureCasesTable {
  id: Generated<string>;
  version_id: string;
  key: string;
  position: number;
  name: string | null;
  processing_amount: number | null;
  processing_kind: string | null;
  processing_text: string | null;
  processing_rule: string | null;
  needs_review: Generated<boolean>;
  workflow_id: string | null;
}

export interface ProcedureDocumentsTable {
  id: Generated<string>;
  case_id: string;
  position: number;
  name: string;
  copy_type: string | null;
  count: number | null;
  original_count: number | null;
  copy_count: number | null;
  certified_copy: Generated<boolean>;
  required: Generated<boolean>;
  conditional: Generated<boolean>;
  present_only: Generated<boolean>;
  group_name: string | null;
  form_file: string | null;
  quantity_text: string | null;
  source_text: string | null;
}

export interface ProcedureFeesTable {
  id: Generated<string>;
  case_id: string;
  position: number;
  name: string | null;
  status: string;
  amount_vnd: number | null;
  per: string | null;
  online_discount_percent: number | null;
  foreign_amount: ColumnType<{ amount: number; currency: string } | null, string | null, string | null>;
  suggested_amount_vnd: number | null;
  note: string | null;
  fee_text: string | null;
}

export interface ProcedureOfferingsTable {
  procedure_id: string;
  unit_id: string;
  include_descendants: Generated<boolean>;
  regardless_of_boundary: Generated<boolean>;
  created_at: Timestamp;
}

export interface CatalogTables {
  workflows: WorkflowsTable;
  workflow_versions: WorkflowVersionsTable;
  procedures: ProceduresTable;
  procedure_versions: ProcedureVersionsTable;
  procedure_cases: ProcedureCasesTable;
  procedure_documents: ProcedureDocumentsTable;
  procedure_fees: ProcedureFeesTable;
  procedure_offerings: ProcedureOfferingsTable;
}

export type ProcedureRow = Selectable<ProceduresTable>;
export type ProcedureVersionRow = Selectable<ProcedureVersionsTable>;
export type ProcedureCaseRow = Selectable<ProcedureCasesTable>;
export type ProcedureDocumentRow = Selectable<ProcedureDocumentsTable>;
export type ProcedureFeeRow = Selectable<ProcedureFeesTable>;
export type WorkflowRow = Selectable<WorkflowsTable>;
export type WorkflowVersionRow = Selectable<WorkflowVersionsTable>;
