-- Staff queue counts (how many dossiers wait in each work queue) from a maintained count instead of counting every
-- waiting dossier in reach: a province at 10 million dossiers has some 220,000 of them (most waiting for their
-- result to be collected) but about 9,000 distinct (unit, state, due day, assigned, role) keys.
--
-- One row per key of the dossiers that appear in a queue (open, result ready, submitted online). The due day (the
-- local date of due_at) is kept for open states only, where the due-soon and overdue queues need it. Kept equal to
-- the dossiers by statement triggers, whoever writes them. They are enabled ALWAYS, so they also fire on the
-- bulk loads that switch per-row triggers off (session_replication_role = replica): the generator and the import.

create table dossier_queue_counts (
  unit_id uuid not null references units (id),
  state text not null,
  due_day date,
  assigned boolean not null,
  step_role text,
  n bigint not null,
  constraint dossier_queue_counts_key unique nulls not distinct (unit_id, state, due_day, assigned, step_role)
);

-- The local (UTC+7, no daylight saving) date a dossier is due, for the states whose queues are by due date.
create function dossier_queue_due_day(state text, due_at timestamptz) returns date language sql immutable as $$
  select case when state in ('received', 'in_progress', 'supplement_requested', 'paused_financial')
    then ((due_at at time zone 'UTC') + interval '7 hours')::date end
$$;

-- A dossier's key in the counts, with n = 1 for a dossier that arrives and -1 for one that leaves.
create function dossier_queue_key(d dossiers, n bigint) returns dossier_queue_counts language sql immutable as $$
  select (d.unit_id, d.state, dossier_queue_due_day(d.state, d.due_at), d.assignee_id is not null, d.step_role, n)::dossier_queue_counts
$$;

-- Adds up the keys; those of dossiers not in a queue are left out.
create function dossier_queue_counts_apply(keys dossier_queue_counts[]) returns void language sql as $$
  insert into dossier_queue_counts as t (unit_id, state, due_day, assigned, step_role, n)
  select unit_id, state, due_day, assigned, step_role, sum(n) from unnest(keys)
  where state in ('received', 'in_progress', 'supplement_requested', 'paused_financial', 'result_ready', 'submitted_online')
  group by 1, 2, 3, 4, 5
  having sum(n) <> 0
  order by 1, 2, 3, 4, 5
  on conflict on constraint dossier_queue_counts_key do update set n = t.n + excluded.n
$$;

-- A transition table exists only for the operations that have it (no old rows on insert, no new rows on delete).
create function dossier_queue_counts_add() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform dossier_queue_counts_apply(array(select dossier_queue_key(r, 1) from new_rows r));
  elsif tg_op = 'DELETE' then
    perform dossier_queue_counts_apply(array(select dossier_queue_key(r, -1) from old_rows r));
  else
    perform dossier_queue_counts_apply(array(
      select dossier_queue_key(r, 1) from new_rows r union all select dossier_queue_key(r, -1) from old_rows r));
  end if;
  return null;
end $$;

create trigger dossiers_queue_insert after insert on dossiers
  referencing new table as new_rows for each statement execute function dossier_queue_counts_add();
create trigger dossiers_queue_update after update on dossiers
  referencing old table as old_rows new table as new_rows for each statement execute function dossier_queue_counts_add();
create trigger dossiers_queue_delete after delete on dossiers
  referencing old table as old_rows for each statement execute function dossier_queue_counts_add();
alter table dossiers enable always trigger dossiers_queue_insert;
alter table dossiers enable always trigger dossiers_queue_update;
alter table dossiers enable always trigger dossiers_queue_delete;

create function dossier_queue_counts_clear() returns trigger language plpgsql as $$
begin
  delete from dossier_queue_counts;
  return null;
end $$;
create trigger dossiers_queue_truncate after truncate on dossiers for each statement execute function dossier_queue_counts_clear();
alter table dossiers enable always trigger dossiers_queue_truncate;

select dossier_queue_counts_apply(array(select dossier_queue_key(d, 1) from dossiers d
  where state in ('received', 'in_progress', 'supplement_requested', 'paused_financial', 'result_ready', 'submitted_online')));
