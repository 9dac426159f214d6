-- Dossiers (hồ sơ) at the one-stop desk: the dossier row (current state), its checklist, history, supplement
-- rounds, pauses, payments, stored files, the per-unit daily code sequence, idempotency keys, and the maintained
-- statistics that reports read.

-- Uploaded and scanned files, stored content-addressed on disk (the row keeps the metadata).
create table files (
  id uuid primary key default gen_random_uuid(),
  sha256 text not null,
  size_bytes bigint not null,
  media_type text not null,
  original_name text not null,
  uploaded_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index files_sha_idx on files (sha256);

create table dossier_code_counters (
  unit_id uuid not null references units (id),
  day date not null,
  last integer not null,
  primary key (unit_id, day)
);

create table dossiers (
  id uuid primary key default gen_random_uuid(),
  code text unique,                              -- null until received (intake-only outcomes, online drafts)
  lookup_secret text,                            -- printed on the receipt; the second factor of the public lookup
  unit_id uuid not null references units (id),   -- the receiving unit (holder of the agency identifier)
  procedure_id uuid not null references procedures (id),
  procedure_version_id uuid references procedure_versions (id),
  case_id uuid references procedure_cases (id),
  procedure_code text not null,
  procedure_name text not null,
  field text,
  workflow_version_id uuid references workflow_versions (id),
  duration_kind text not null check (duration_kind in ('working_days', 'working_hours', 'calendar_days', 'same_day')),
  duration_amount numeric,
  channel text not null check (channel in ('counter', 'post', 'online')),
  state text not null check (state in ('submitted_online', 'received', 'in_progress', 'supplement_requested',
    'paused_financial', 'result_ready', 'returned', 'refused', 'withdrawn', 'stopped', 'intake_incomplete', 'intake_refused')),
  national_status smallint not null check (national_status between 1 and 10),
  step_key text,                                 -- current step of the pinned workflow version
  step_role text,                                -- the role that acts at that step (the "my work" queue)
  step_trail jsonb not null default '[]',        -- keys of the steps before it, for return_previous
  state_before_pause text,
  state_before_supplement text,
  assignee_id uuid references users (id),
  applicant_kind text not null default 'person' check (applicant_kind in ('person', 'organisation')),
  applicant_name text not null,
  applicant_name_folded text not null,
  applicant_id_number text,
  applicant_birth_year integer,
  applicant_phone text,
  applicant_email text,
  applicant_address text,
  applicant_address_unit_id uuid references units (id),
  applicant_user_id uuid references users (id),
  submitted_at timestamptz not null,             -- when the applicant handed it in (counter) or sent it (online/post)
  received_at timestamptz,                       -- when it was accepted as complete
  clock_start_at timestamptz,                    -- effective start of the processing time (restarts after a supplement)
  due_at timestamptz,                            -- statutory due time in force (pauses extend it, supplements restart it)
  appointment_at timestamptz,                    -- what the applicant was told (an apology may move it)
  finished_at timestamptz,                       -- result ready or refusal decided
  returned_at timestamptz,
  closed_at timestamptz,                         -- finished, withdrawn or stopped
  calendar_rule_version text,
  supplement_rounds integer not null default 0,
  apology_count integer not null default 0,
  paused_since timestamptz,
  paused_working_ms bigint not null default 0,
  fees jsonb not null default '[]',              -- [{ name, amountVnd }] as charged at intake
  fee_total bigint not null default 0,
  paid_total bigint not null default 0,
  payment_gate boolean not null default false,   -- unpaid fees block the return of the result
  receipt_issue integer not null default 1,       -- reissued after an intake correction
  result_number text,
  result_signed_on date,
  result_signer text,
  result_file_id uuid references files (id),
  intake_note text,
  imported boolean not null default false,
  received_by uuid references users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index dossiers_unit_received_idx on dossiers (unit_id, received_at desc, id desc);
create index dossiers_unit_state_idx on dossiers (unit_id, state, due_at, id);
create index dossiers_open_due_idx on dossiers (unit_id, due_at, id)
  where state in ('received', 'in_progress', 'supplement_requested', 'paused_financial');
create index dossiers_assignee_idx on dossiers (assignee_id, due_at, id)
  where state in ('received', 'in_progress', 'supplement_requested', 'paused_financial', 'result_ready');
create index dossiers_step_role_idx on dossiers (unit_id, step_role, due_at, id)
  where assignee_id is null and state in ('received', 'in_progress', 'result_ready');
create index dossiers_ready_idx on dossiers (unit_id, finished_at, id) where state = 'result_ready';
create index dossiers_submitted_idx on dossiers (unit_id, submitted_at, id) where state = 'submitted_online';
create index dossiers_applicant_user_idx on dossiers (applicant_user_id, created_at desc) where applicant_user_id is not null;
create index dossiers_applicant_name_trgm_idx on dossiers using gin (applicant_name_folded gin_trgm_ops);
create index dossiers_procedure_idx on dossiers (procedure_id, received_at);

-- A retried creation with the same key returns the first dossier.
create table dossier_idempotency (
  scope text not null,                           -- the caller (user id) or 'public'
  key text not null,
  request_hash text not null,
  dossier_id uuid not null references dossiers (id),
  created_at timestamptz not null default now(),
  primary key (scope, key)
);

create table dossier_documents (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossiers (id) on delete cascade,
  position integer not null,
  name text not null,
  copy_type text check (copy_type in ('original', 'copy', 'certified_copy', 'either')),
  count integer not null default 1,
  required boolean not null default true,
  received boolean not null default false,
  file_id uuid references files (id),
  note text
);
create index dossier_documents_dossier_idx on dossier_documents (dossier_id, position);

-- History: every action with who, when, from → to, the step and its deadline. Append-only like the audit log.
create table dossier_events (
  id bigint generated always as identity primary key,
  dossier_id uuid not null references dossiers (id),
  at timestamptz not null,
  actor_id uuid references users (id),
  actor_name text not null,
  actor_unit_id uuid references units (id),
  action text not null,
  from_state text,
  to_state text not null,
  from_step text,
  to_step text,
  step_name text,
  step_deadline timestamptz,
  due_at timestamptz,
  assignee_id uuid references users (id),
  note text,
  data jsonb
);
create index dossier_events_dossier_idx on dossier_events (dossier_id, id);
create trigger dossier_events_no_change before update or delete on dossier_events
  for each row execute function audit_log_append_only();

create table supplement_rounds (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossiers (id),
  stage text not null check (stage in ('intake', 'processing')),
  requested_at timestamptz not null,
  requested_by uuid references users (id),
  reason text not null,
  items jsonb not null default '[]',
  applicant_deadline timestamptz,
  completed_at timestamptz,
  old_due_at timestamptz,
  new_due_at timestamptz
);
create index supplement_rounds_dossier_idx on supplement_rounds (dossier_id, requested_at);

create table dossier_pauses (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossiers (id),
  reason text not null,
  started_at timestamptz not null,
  ended_at timestamptz,
  paused_working_ms bigint
);
create index dossier_pauses_dossier_idx on dossier_pauses (dossier_id, started_at);

create table dossier_payments (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossiers (id),
  unit_id uuid not null references units (id),
  amount bigint not null check (amount > 0),
  method text not null check (method in ('cash', 'transfer', 'card', 'online')),
  receipt_number text,
  paid_at timestamptz not null,
  recorded_by uuid references users (id),
  refunded_at timestamptz,
  refund_amount bigint,
  refund_reason text
);
create index dossier_payments_dossier_idx on dossier_payments (dossier_id);
create index dossier_payments_cash_idx on dossier_payments (unit_id, paid_at);

-- Maintained statistics, updated in the same transaction as each dossier change (see dossiers/domain/stats.ts).
-- One row per unit, procedure and day, and one per unit, procedure and month, so a report sums few rows.
create table dossier_stats (
  unit_id uuid not null references units (id),
  procedure_id uuid not null references procedures (id),
  period text not null check (period in ('day', 'month')),
  period_start date not null,
  received_counter integer not null default 0,
  received_post integer not null default 0,
  received_online integer not null default 0,
  received_supplemented integer not null default 0,  -- by receipt day: ≥1 supplement round during processing
  received_refused integer not null default 0,       -- by receipt day: refused after appraisal
  intake_incomplete integer not null default 0,      -- by intake day: supplement requested at the counter
  intake_refused integer not null default 0,         -- by intake day: refused at the counter
  resolved_early integer not null default 0,         -- by finishing day
  resolved_on_time integer not null default 0,
  resolved_late integer not null default 0,
  resolved_refused integer not null default 0,       -- of the resolved, how many were refusals
  withdrawn integer not null default 0,              -- by closing day
  stopped integer not null default 0,
  due integer not null default 0,                    -- by (final) due day, every received dossier
  closed_due integer not null default 0,             -- closed dossiers by max(closing day, due day + 1)
  processing_ms bigint not null default 0,           -- working time from receipt to finishing, by finishing day
  primary key (unit_id, procedure_id, period, period_start)
);
create index dossier_stats_period_idx on dossier_stats (period, period_start, unit_id);
