-- Working-time calendar rules: every change appends a complete rule set; the newest is in force.
-- Dossiers and petitions pin the `version` (content hash) their due dates were computed with.
create table calendar_rule_sets (
  id bigint generated always as identity primary key,
  version text not null,
  rules jsonb not null,
  note text,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index calendar_rule_sets_version_idx on calendar_rule_sets (version);
