-- Platform kernel: units, people and access, audit, outbox, jobs, settings.
create extension if not exists pg_trgm;
create extension if not exists btree_gist;

create table units (
  id uuid primary key default gen_random_uuid(),
  code text,                                  -- statistics-office code (not unique over time)
  agency_code text,                           -- electronic identifier, e.g. 000.00.30.H05
  kind text not null check (kind in ('province', 'district', 'commune', 'ward', 'town', 'special_zone',
                                     'agency', 'department', 'one_stop_desk', 'service_centre')),
  name text not null,
  full_name text not null,
  name_folded text not null,
  parent_id uuid references units (id),
  valid_from date,
  valid_to date,                              -- exclusive: the first day the unit no longer exists
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (valid_to is null or valid_from is null or valid_to > valid_from),
  constraint units_code_period_excl exclude using gist (
    code with =, daterange(valid_from, valid_to, '[)') with &&) where (code is not null),
  constraint units_agency_code_period_excl exclude using gist (
    agency_code with =, daterange(valid_from, valid_to, '[)') with &&) where (agency_code is not null)
);
create index units_parent_idx on units (parent_id, name_folded);
create index units_code_idx on units (code, valid_from);
create index units_agency_code_idx on units (agency_code);
create index units_name_trgm_idx on units using gin (name_folded gin_trgm_ops);

-- Closure table: every (ancestor, descendant) pair, including each unit with itself at depth 0.
create table unit_closure (
  ancestor_id uuid not null references units (id) on delete cascade,
  descendant_id uuid not null references units (id) on delete cascade,
  depth integer not null,
  primary key (ancestor_id, descendant_id)
);
create index unit_closure_descendant_idx on unit_closure (descendant_id, ancestor_id);

create function units_maintain_closure() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into unit_closure (ancestor_id, descendant_id, depth) values (new.id, new.id, 0);
    if new.parent_id is not null then
      insert into unit_closure (ancestor_id, descendant_id, depth)
        select ancestor_id, new.id, depth + 1 from unit_closure where descendant_id = new.parent_id;
    end if;
  elsif new.parent_id is distinct from old.parent_id then
    if exists (select 1 from unit_closure where ancestor_id = new.id and descendant_id = new.parent_id) then
      raise exception 'a unit cannot be placed under itself or its descendants' using errcode = '23514';
    end if;
    delete from unit_closure c
      using unit_closure sub, unit_closure sup
      where sub.ancestor_id = new.id and c.descendant_id = sub.descendant_id
        and sup.descendant_id = new.id and sup.ancestor_id <> new.id and c.ancestor_id = sup.ancestor_id;
    if new.parent_id is not null then
      insert into unit_closure (ancestor_id, descendant_id, depth)
        select sup.ancestor_id, sub.descendant_id, sup.depth + sub.depth + 1
        from unit_closure sup, unit_closure sub
        where sup.descendant_id = new.parent_id and sub.ancestor_id = new.id;
    end if;
  end if;
  return new;
end $$;
create trigger units_closure_trg after insert or update of parent_id on units
  for each row execute function units_maintain_closure();

-- Old unit -> new unit (merger, split, renaming) on a date.
create table unit_successions (
  predecessor_id uuid not null references units (id),
  successor_id uuid not null references units (id),
  effective_on date not null,
  note text,
  primary key (predecessor_id, successor_id)
);
create index unit_successions_successor_idx on unit_successions (successor_id);

create table users (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('official', 'citizen')),
  username text,
  full_name text not null,
  full_name_folded text not null,
  phone text,
  email text,
  unit_id uuid references units (id),
  password_hash text not null,
  active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (kind = 'citizen' or (username is not null and unit_id is not null)),
  check (kind = 'official' or phone is not null or email is not null)
);
create unique index users_username_key on users (lower(username)) where username is not null;
create unique index users_citizen_phone_key on users (phone) where kind = 'citizen' and phone is not null;
create unique index users_citizen_email_key on users (lower(email)) where kind = 'citizen' and email is not null;
create index users_unit_idx on users (unit_id, full_name_folded, id);

create table role_grants (
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('system_admin', 'unit_admin', 'desk_officer', 'specialist', 'leader',
                                     'petition_handler', 'front_supervisor', 'report_viewer')),
  unit_id uuid not null references units (id),
  granted_at timestamptz not null default now(),
  primary key (user_id, role, unit_id)
);
create index role_grants_unit_idx on role_grants (unit_id, role);

create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);

-- Append-only: the database itself refuses UPDATE, DELETE and TRUNCATE.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_label text not null,
  action text not null,
  subject_type text not null,
  subject_id text not null,
  unit_id uuid,
  before jsonb,
  after jsonb,
  request_id text,
  ip text
);
create index audit_log_subject_idx on audit_log (subject_type, subject_id, id);
create index audit_log_actor_idx on audit_log (actor_id, id);
create index audit_log_at_idx on audit_log (at, id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = '42501';
end $$;
create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

-- Outgoing messages written in the same transaction as the change that causes them.
create table outbox (
  id bigint generated always as identity primary key,
  topic text not null,
  payload jsonb not null,
  unit_id uuid,
  dedupe_key text unique,
  created_at timestamptz not null default now(),
  available_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 8,
  last_error text,
  delivered_at timestamptz,
  dead_at timestamptz
);
create index outbox_pending_idx on outbox (available_at, id) where delivered_at is null and dead_at is null;
create index outbox_dead_idx on outbox (dead_at, id) where dead_at is not null;

-- The embedded job queue (PostgreSQL deployments use pg-boss in its own schema).
create table jobs (
  id bigint generated always as identity primary key,
  name text not null,
  payload jsonb not null default '{}',
  singleton_key text,
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  locked_until timestamptz,
  completed_at timestamptz,
  failed_at timestamptz,
  last_error text,
  created_at timestamptz not null default now()
);
create unique index jobs_singleton_key on jobs (name, singleton_key)
  where singleton_key is not null and completed_at is null and failed_at is null;
create index jobs_due_idx on jobs (run_at, id) where completed_at is null and failed_at is null;

create table settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
