-- Procedure catalogue (thủ tục hành chính): procedures with content versions, cases with their documents and
-- fees, which units offer what, and versioned workflow definitions that dossiers pin.

-- Workflow definitions: the identity row, then one row per version. A dossier pins a workflow_versions.id.
create table workflows (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  name_folded text not null,
  owner_unit_id uuid references units (id),   -- null: shared by every unit (system administrators manage it)
  default_for text unique check (default_for in ('standard', 'on_the_spot')),
  version integer not null default 1,          -- optimistic lock for edits
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index workflows_owner_idx on workflows (owner_unit_id, name_folded);

create table workflow_versions (
  id uuid primary key default gen_random_uuid(),
  workflow_id uuid not null references workflows (id) on delete cascade,
  number integer not null,
  status text not null check (status in ('draft', 'published')),
  definition jsonb not null,                   -- { steps: [...] }, validated before publish
  published_at timestamptz,
  created_at timestamptz not null default now(),
  unique (workflow_id, number),
  check ((status = 'published') = (published_at is not null))
);
create unique index workflow_versions_one_draft on workflow_versions (workflow_id) where status = 'draft';

-- The procedure's identity: code, owner and lifecycle. Content lives in procedure_versions.
create table procedures (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,                   -- national code such as 1.001193, or a province's own code
  owner_unit_id uuid references units (id),    -- null: national catalogue; else a unit's own procedure
  status text not null default 'draft' check (status in ('draft', 'published', 'abolished')),
  abolished_on date,
  abolish_decision_number text,
  version integer not null default 1,          -- optimistic lock: every change to the procedure bumps it
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'abolished') = (abolished_on is not null))
);
create index procedures_owner_idx on procedures (owner_unit_id);

-- One row per content version. A published version is in force on [effective_from, effective_to); versions of
-- one procedure never overlap. At most one draft per procedure, edited in place until published.
create table procedure_versions (
  id uuid primary key default gen_random_uuid(),
  procedure_id uuid not null references procedures (id) on delete cascade,
  number integer not null,
  status text not null check (status in ('draft', 'published')),
  name text not null,
  name_folded text not null,
  field text,
  field_folded text,
  levels jsonb not null default '[]',          -- ["commune", "province", ...]
  level_text text,                             -- as published, e.g. "Cấp xã"
  procedure_type text,
  implementing_body text,
  competent_authority text,
  legal_basis jsonb not null default '[]',     -- [{ title, number }]
  results jsonb not null default '[]',         -- [{ name, code }]
  subjects jsonb not null default '[]',
  conditions text,
  steps text,
  receiving_address text,
  channels jsonb not null default '[]',        -- ["in_person", "post", "online"]
  channel_options jsonb not null default '[]', -- per channel: time, fee and note as published
  online_level text not null default 'unknown' check (online_level in ('full', 'partial', 'unknown')),
  online_level_reason text,
  on_the_spot boolean not null default false,
  decision_number text,
  effective_from date,
  effective_to date,                           -- exclusive
  published_at timestamptz,
  body_folded text not null default '',        -- folded field, bodies, result, subjects, documents: searched after the name
  source_url text,
  source_fingerprint text,                     -- fingerprint of the imported text; re-import compares it
  source jsonb,                                -- the parsed import with every original text, kept for review
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (procedure_id, number),
  check (status = 'draft' or (effective_from is not null and published_at is not null)),
  check (effective_to is null or effective_from is null or effective_to > effective_from),
  check (online_level <> 'partial' or status = 'draft' or online_level_reason is not null),
  constraint procedure_versions_no_overlap exclude using gist (
    procedure_id with =, daterange(effective_from, effective_to, '[)') with &&) where (status = 'published')
);
create unique index procedure_versions_one_draft on procedure_versions (procedure_id) where status = 'draft';
create index procedure_versions_in_force_idx on procedure_versions (effective_from, effective_to) where status = 'published';
create index procedure_versions_name_trgm_idx on procedure_versions using gin (name_folded gin_trgm_ops);
create index procedure_versions_body_trgm_idx on procedure_versions using gin (body_folded gin_trgm_ops);
create index procedure_versions_field_idx on procedure_versions (field_folded, name_folded);

-- Cases (trường hợp): each with its own time, documents, fees and workflow. `key` stays the same across the
-- procedure's versions, so a case chosen in one version can be found in the next.
create table procedure_cases (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references procedure_versions (id) on delete cascade,
  key uuid not null,
  position integer not null,
  name text,                                   -- null for a procedure's single default case
  processing_amount numeric,
  processing_kind text check (processing_kind in ('working_days', 'working_hours', 'calendar_days', 'same_day')),
  processing_text text,                        -- the text the time was read from
  processing_rule text,                        -- how an imported default time was chosen
  needs_review boolean not null default false, -- no usable time (e.g. a bare number without a unit)
  workflow_id uuid references workflows (id),  -- null: the default workflow (on-the-spot or standard)
  unique (version_id, key),
  check ((processing_amount is null) = (processing_kind is null)),
  check (processing_amount is null or processing_amount >= 0)
);
create index procedure_cases_version_idx on procedure_cases (version_id, position);

create table procedure_documents (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references procedure_cases (id) on delete cascade,
  position integer not null,
  name text not null,
  copy_type text check (copy_type in ('original', 'copy', 'either')),
  count integer check (count >= 0),
  original_count integer,
  copy_count integer,
  certified_copy boolean not null default false,
  required boolean not null default true,
  conditional boolean not null default false,
  present_only boolean not null default false,
  group_name text,
  form_file text,                              -- blank form to download: file name or URL
  quantity_text text,
  source_text text
);
create index procedure_documents_case_idx on procedure_documents (case_id, position);

create table procedure_fees (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references procedure_cases (id) on delete cascade,
  position integer not null,
  name text,                                   -- e.g. "Lệ phí", "Phí"
  status text not null check (status in ('amount', 'free', 'not_given', 'foreign_currency', 'suspect', 'unrecognised')),
  amount_vnd bigint check (amount_vnd >= 0),
  per text,                                    -- what the amount is charged per ("trang", "bản")
  online_discount_percent numeric check (online_discount_percent between 0 and 100),
  foreign_amount jsonb,
  suggested_amount_vnd bigint,
  note text,
  fee_text text,                               -- as published, e.g. "70,000 VNĐ"
  check (status <> 'free' or amount_vnd = 0),
  check (status <> 'amount' or amount_vnd is not null)
);
create index procedure_fees_case_idx on procedure_fees (case_id, position);

-- Which units offer which procedure. include_descendants: every commune-level unit below the unit offers it
-- (e.g. attach to the province once). regardless_of_boundary: "phi địa giới hành chính", any desk in the
-- province may receive it whatever the applicant's residence.
create table procedure_offerings (
  procedure_id uuid not null references procedures (id) on delete cascade,
  unit_id uuid not null references units (id),
  include_descendants boolean not null default false,
  regardless_of_boundary boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (procedure_id, unit_id)
);
create index procedure_offerings_unit_idx on procedure_offerings (unit_id, procedure_id);

-- The two workflows every installation starts with. Shares are percentages of the case's processing time.
with standard as (
  insert into workflows (name, name_folded, default_for)
  values ('Quy trình chuẩn (một cửa, chuyên môn, lãnh đạo, trả kết quả)',
          'quy trinh chuan (mot cua, chuyen mon, lanh dao, tra ket qua)', 'standard')
  returning id
)
insert into workflow_versions (workflow_id, number, status, published_at, definition)
select id, 1, 'published', now(), '{"steps": [
  {"key": "receive", "name": "Tiếp nhận, kiểm tra hồ sơ", "nameEn": "Receive and check the dossier",
   "role": "desk_officer", "unitKind": "one_stop_desk", "unitId": null, "share": 10,
   "actions": ["forward", "request_supplement", "refuse"], "next": ["appraise"], "final": false},
  {"key": "appraise", "name": "Thẩm định, xử lý hồ sơ", "nameEn": "Appraise the dossier",
   "role": "specialist", "unitKind": "department", "unitId": null, "share": 60,
   "actions": ["forward", "return_previous", "request_supplement", "refuse"], "next": ["approve"], "final": false},
  {"key": "approve", "name": "Lãnh đạo phê duyệt, ký kết quả", "nameEn": "Leader approves and signs",
   "role": "leader", "unitKind": null, "unitId": null, "share": 20,
   "actions": ["approve", "return_previous", "refuse"], "next": ["return_result"], "final": false},
  {"key": "return_result", "name": "Trả kết quả", "nameEn": "Return the result",
   "role": "desk_officer", "unitKind": "one_stop_desk", "unitId": null, "share": 10,
   "actions": ["forward"], "next": [], "final": true}
]}'::jsonb from standard;

with on_the_spot as (
  insert into workflows (name, name_folded, default_for)
  values ('Giải quyết ngay tại bộ phận một cửa', 'giai quyet ngay tai bo phan mot cua', 'on_the_spot')
  returning id
)
insert into workflow_versions (workflow_id, number, status, published_at, definition)
select id, 1, 'published', now(), '{"steps": [
  {"key": "resolve", "name": "Tiếp nhận và trả kết quả ngay", "nameEn": "Receive and return the result at once",
   "role": "desk_officer", "unitKind": "one_stop_desk", "unitId": null, "share": 100,
   "actions": ["approve", "request_supplement", "refuse"], "next": [], "final": true}
]}'::jsonb from on_the_spot;
