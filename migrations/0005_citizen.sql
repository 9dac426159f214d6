-- The citizen side: satisfaction ratings of returned dossiers, questions and answers (Q&A) with a public FAQ,
-- and saved drafts of online submissions.

-- One rating per dossier (Circular 01/2018 art. 13–15): attitude and overall on the 5-level scale, plus the facts a
-- citizen reports (contacts needed, bodies visited, whether the published information was right).
create table dossier_ratings (
  dossier_id uuid primary key references dossiers (id),
  unit_id uuid not null references units (id),
  procedure_id uuid not null references procedures (id),
  official_id uuid references users (id),          -- the official who returned the result
  rated_at timestamptz not null,
  channel text not null check (channel in ('kiosk', 'online', 'lookup', 'import')),
  attitude text not null check (attitude in ('very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied')),
  overall text check (overall in ('very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied')),
  contacts_needed integer check (contacts_needed >= 0),
  bodies_visited integer check (bodies_visited >= 0),
  info_correct boolean,
  comment text
);
create index dossier_ratings_unit_idx on dossier_ratings (unit_id, rated_at);
create index dossier_ratings_official_idx on dossier_ratings (official_id, rated_at) where official_id is not null;

create table questions (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,                  -- public reference, e.g. HD-260302-0001
  unit_id uuid not null references units (id),     -- the unit whose queue answers it
  procedure_id uuid references procedures (id),
  asker_name text not null,
  asker_email text,
  asker_phone text,
  asker_user_id uuid references users (id),
  asker_secret_hash text not null,                 -- sha256 of the secret the asker reads the answer with
  title text not null,
  body text not null,
  asked_at timestamptz not null,
  target_answer_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'answered', 'rejected')),
  answer text,
  answered_at timestamptz,
  answered_by uuid references users (id),
  published boolean not null default false,       -- in the public FAQ, with personal data removed
  faq_question text,
  faq_answer text,
  faq_folded text,                                 -- folded FAQ text for diacritic-insensitive search
  published_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index questions_unit_asked_idx on questions (unit_id, asked_at, id);
create index questions_unit_answered_idx on questions (unit_id, answered_at) where answered_at is not null;
create index questions_open_idx on questions (unit_id, target_answer_at, id) where status = 'open';
create index questions_faq_idx on questions (published_at desc, id) where published;
create index questions_faq_trgm_idx on questions using gin (faq_folded gin_trgm_ops) where published;
create index questions_procedure_idx on questions (procedure_id) where published;

-- The per-day sequence of question references (HD-YYMMDD-NNNN), atomic like the dossier codes.
create table question_counters (
  day date primary key,
  last integer not null
);

-- Drafts of online submissions, so a closed tab loses nothing. Owned by an account or by a random draft token.
create table submission_drafts (
  id uuid primary key default gen_random_uuid(),
  token_hash text unique,                          -- for drafts without an account
  user_id uuid references users (id),
  procedure_id uuid references procedures (id),
  data jsonb not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  expires_at timestamptz not null,
  submitted_dossier_id uuid references dossiers (id),
  reference text unique,                           -- public reference of the submission, e.g. TT-260302-7KQ4MZ
  submitted_at timestamptz
);
create index submission_drafts_user_idx on submission_drafts (user_id, updated_at desc) where user_id is not null;
create index submission_drafts_expiry_idx on submission_drafts (expires_at);

-- Files uploaded into a draft (or a previous result attached to it): whoever holds the draft may read them.
create table submission_files (
  draft_id uuid not null references submission_drafts (id) on delete cascade,
  file_id uuid not null references files (id),
  created_at timestamptz not null default now(),
  primary key (draft_id, file_id)
);

-- Tablets at a counter that collect ratings (kiosk mode), activated by an official of the unit.
create table kiosk_devices (
  id uuid primary key default gen_random_uuid(),
  unit_id uuid not null references units (id),
  token_hash text not null unique,
  label text not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index kiosk_devices_unit_idx on kiosk_devices (unit_id);

-- A citizen account's notification choices (what the citizen module sends honours them).
create table citizen_preferences (
  user_id uuid primary key references users (id) on delete cascade,
  notify_email boolean not null default true,
  notify_sms boolean not null default true,
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
