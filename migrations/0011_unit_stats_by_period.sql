-- Reports: dossier_unit_stats split by period (day rows and month rows in their own partitions). A province's year
-- reads every month row of its units (the running totals go back to the first month) and a few day rows. In one
-- heap, month rows were scattered among the day rows (about 25 day rows per unit and month), so the report visited
-- about one page per row (~1,000 pages for ~2,000 rows). In their own partition the month rows fill a few dozen
-- pages. Same columns, keys, index and triggers as before (migrations/0009): the trigger function names the parent.

alter table dossier_unit_stats rename to dossier_unit_stats_unsplit;
alter table dossier_unit_stats_unsplit rename constraint dossier_unit_stats_pkey to dossier_unit_stats_unsplit_pkey;
alter index dossier_unit_stats_period_idx rename to dossier_unit_stats_unsplit_period_idx;

create table dossier_unit_stats (
  like dossier_unit_stats_unsplit including defaults including constraints,
  primary key (unit_id, period, period_start),
  foreign key (unit_id) references units (id)
) partition by list (period);
create table dossier_unit_stats_day partition of dossier_unit_stats for values in ('day');
create table dossier_unit_stats_month partition of dossier_unit_stats for values in ('month');
create index dossier_unit_stats_period_idx on dossier_unit_stats (period, period_start, unit_id);

-- Each unit's rows together, in date order.
insert into dossier_unit_stats select * from dossier_unit_stats_unsplit order by period, unit_id, period_start;
drop table dossier_unit_stats_unsplit;
