-- Reports: the maintained statistics summed over procedures, per receiving unit and day or month. Table 06 grouped
-- by unit, the summaries, the dashboard and the service index need no procedure dimension: for a province's year
-- they read about 100 units × 17 month rows (and the day rows of a partial month) here instead of that many times
-- the number of procedures in dossier_stats, so they take a few milliseconds whatever the number of dossiers.
--
-- Kept equal to dossier_stats (summed over procedure_id) by statement triggers on it, whoever writes it: the
-- commands, the importer, the generator. Each statement's rows are summed per (unit, period, period_start) and
-- added in key order, so concurrent transactions take the row locks of a unit in the same order. Sums over every
-- procedure of a unit are bigint.

create table dossier_unit_stats (
  unit_id uuid not null references units (id),
  period text not null check (period in ('day', 'month')),
  period_start date not null,
  received_counter bigint not null default 0,
  received_post bigint not null default 0,
  received_online bigint not null default 0,
  received_supplemented bigint not null default 0,
  received_refused bigint not null default 0,
  intake_incomplete bigint not null default 0,
  intake_refused bigint not null default 0,
  resolved_early bigint not null default 0,
  resolved_on_time bigint not null default 0,
  resolved_late bigint not null default 0,
  resolved_refused bigint not null default 0,
  withdrawn bigint not null default 0,
  stopped bigint not null default 0,
  due bigint not null default 0,
  closed_due bigint not null default 0,
  processing_ms bigint not null default 0,
  primary key (unit_id, period, period_start)
);
-- A province reads its month rows and a few days of day rows across its units (as dossier_stats_period_idx).
create index dossier_unit_stats_period_idx on dossier_unit_stats (period, period_start, unit_id);

create function dossier_unit_stats_add() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into dossier_unit_stats as t (
    unit_id, period, period_start, received_counter, received_post, received_online, received_supplemented,
    received_refused, intake_incomplete, intake_refused, resolved_early, resolved_on_time, resolved_late,
    resolved_refused, withdrawn, stopped, due, closed_due, processing_ms)
    select
      unit_id, period, period_start, sum(received_counter), sum(received_post), sum(received_online),
      sum(received_supplemented), sum(received_refused), sum(intake_incomplete), sum(intake_refused),
      sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(resolved_refused), sum(withdrawn),
      sum(stopped), sum(due), sum(closed_due), sum(processing_ms)
    from new_rows
    group by unit_id, period, period_start
    order by unit_id, period, period_start
    on conflict (unit_id, period, period_start) do update set
      received_counter = t.received_counter + excluded.received_counter,
      received_post = t.received_post + excluded.received_post,
      received_online = t.received_online + excluded.received_online,
      received_supplemented = t.received_supplemented + excluded.received_supplemented,
      received_refused = t.received_refused + excluded.received_refused,
      intake_incomplete = t.intake_incomplete + excluded.intake_incomplete,
      intake_refused = t.intake_refused + excluded.intake_refused,
      resolved_early = t.resolved_early + excluded.resolved_early,
      resolved_on_time = t.resolved_on_time + excluded.resolved_on_time,
      resolved_late = t.resolved_late + excluded.resolved_late,
      resolved_refused = t.resolved_refused + excluded.resolved_refused, withdrawn = t.withdrawn + excluded.withdrawn,
      stopped = t.stopped + excluded.stopped, due = t.due + excluded.due,
      closed_due = t.closed_due + excluded.closed_due, processing_ms = t.processing_ms + excluded.processing_ms;
  elsif tg_op = 'UPDATE' then
    insert into dossier_unit_stats as t (
    unit_id, period, period_start, received_counter, received_post, received_online, received_supplemented,
    received_refused, intake_incomplete, intake_refused, resolved_early, resolved_on_time, resolved_late,
    resolved_refused, withdrawn, stopped, due, closed_due, processing_ms)
    select
      unit_id, period, period_start, sum(received_counter), sum(received_post), sum(received_online),
      sum(received_supplemented), sum(received_refused), sum(intake_incomplete), sum(intake_refused),
      sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(resolved_refused), sum(withdrawn),
      sum(stopped), sum(due), sum(closed_due), sum(processing_ms)
    from (
      select
        unit_id, period, period_start, received_counter, received_post, received_online, received_supplemented,
        received_refused, intake_incomplete, intake_refused, resolved_early, resolved_on_time, resolved_late,
        resolved_refused, withdrawn, stopped, due, closed_due, processing_ms
      from new_rows
      union all
      select
        unit_id, period, period_start, -received_counter, -received_post, -received_online, -received_supplemented,
        -received_refused, -intake_incomplete, -intake_refused, -resolved_early, -resolved_on_time, -resolved_late,
        -resolved_refused, -withdrawn, -stopped, -due, -closed_due, -processing_ms
      from old_rows
    ) d
    group by unit_id, period, period_start
    order by unit_id, period, period_start
    on conflict (unit_id, period, period_start) do update set
      received_counter = t.received_counter + excluded.received_counter,
      received_post = t.received_post + excluded.received_post,
      received_online = t.received_online + excluded.received_online,
      received_supplemented = t.received_supplemented + excluded.received_supplemented,
      received_refused = t.received_refused + excluded.received_refused,
      intake_incomplete = t.intake_incomplete + excluded.intake_incomplete,
      intake_refused = t.intake_refused + excluded.intake_refused,
      resolved_early = t.resolved_early + excluded.resolved_early,
      resolved_on_time = t.resolved_on_time + excluded.resolved_on_time,
      resolved_late = t.resolved_late + excluded.resolved_late,
      resolved_refused = t.resolved_refused + excluded.resolved_refused, withdrawn = t.withdrawn + excluded.withdrawn,
      stopped = t.stopped + excluded.stopped, due = t.due + excluded.due,
      closed_due = t.closed_due + excluded.closed_due, processing_ms = t.processing_ms + excluded.processing_ms;
  elsif tg_op = 'DELETE' then
    insert into dossier_unit_stats as t (
    unit_id, period, period_start, received_counter, received_post, received_online, received_supplemented,
    received_refused, intake_incomplete, intake_refused, resolved_early, resolved_on_time, resolved_late,
    resolved_refused, withdrawn, stopped, due, closed_due, processing_ms)
    select
      unit_id, period, period_start, -sum(received_counter), -sum(received_post), -sum(received_online),
      -sum(received_supplemented), -sum(received_refused), -sum(intake_incomplete), -sum(intake_refused),
      -sum(resolved_early), -sum(resolved_on_time), -sum(resolved_late), -sum(resolved_refused), -sum(withdrawn),
      -sum(stopped), -sum(due), -sum(closed_due), -sum(processing_ms)
    from old_rows
    group by unit_id, period, period_start
    order by unit_id, period, period_start
    on conflict (unit_id, period, period_start) do update set
      received_counter = t.received_counter + excluded.received_counter,
      received_post = t.received_post + excluded.received_post,
      received_online = t.received_online + excluded.received_online,
      received_supplemented = t.received_supplemented + excluded.received_supplemented,
      received_refused = t.received_refused + excluded.received_refused,
      intake_incomplete = t.intake_incomplete + excluded.intake_incomplete,
      intake_refused = t.intake_refused + excluded.intake_refused,
      resolved_early = t.resolved_early + excluded.resolved_early,
      resolved_on_time = t.resolved_on_time + excluded.resolved_on_time,
      resolved_late = t.resolved_late + excluded.resolved_late,
      resolved_refused = t.resolved_refused + excluded.resolved_refused, withdrawn = t.withdrawn + excluded.withdrawn,
      stopped = t.stopped + excluded.stopped, due = t.due + excluded.due,
      closed_due = t.closed_due + excluded.closed_due, processing_ms = t.processing_ms + excluded.processing_ms;
  else -- TRUNCATE
    delete from dossier_unit_stats;
  end if;
  return null;
end $$;

create trigger dossier_stats_unit_insert after insert on dossier_stats
  referencing new table as new_rows for each statement execute function dossier_unit_stats_add();
create trigger dossier_stats_unit_update after update on dossier_stats
  referencing old table as old_rows new table as new_rows for each statement execute function dossier_unit_stats_add();
create trigger dossier_stats_unit_delete after delete on dossier_stats
  referencing old table as old_rows for each statement execute function dossier_unit_stats_add();
create trigger dossier_stats_unit_truncate after truncate on dossier_stats
  for each statement execute function dossier_unit_stats_add();

insert into dossier_unit_stats (
    unit_id, period, period_start, received_counter, received_post, received_online, received_supplemented,
    received_refused, intake_incomplete, intake_refused, resolved_early, resolved_on_time, resolved_late,
    resolved_refused, withdrawn, stopped, due, closed_due, processing_ms)
select
  unit_id, period, period_start, sum(received_counter), sum(received_post), sum(received_online),
  sum(received_supplemented), sum(received_refused), sum(intake_incomplete), sum(intake_refused), sum(resolved_early),
  sum(resolved_on_time), sum(resolved_late), sum(resolved_refused), sum(withdrawn), sum(stopped), sum(due),
  sum(closed_due), sum(processing_ms)
from dossier_stats
group by unit_id, period, period_start;
