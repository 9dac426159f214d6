-- The queue counts read every open dossier in reach: with the columns they test carried in one partial index
-- (open, ready or submitted dossiers only, a few per cent of the table) they are answered from the index alone.
create index dossiers_queue_counts_idx on dossiers (unit_id, state, due_at) include (assignee_id, step_role)
  where state in ('received', 'in_progress', 'supplement_requested', 'paused_financial', 'result_ready', 'submitted_online');
-- "Ready to return" over many units (a province, a system administrator) is ordered by due date: walk the dates
-- in order and filter by unit rather than sorting every ready dossier in reach. (A wider index over all open
-- states misled the planner on the overdue and unassigned queues, which the per-unit indexes serve better.)
create index dossiers_ready_by_due_idx on dossiers (due_at, id) where state = 'result_ready';
-- The same for the unassigned queue of a province.
create index dossiers_unassigned_by_due_idx on dossiers (due_at, id) where assignee_id is null and state in ('received', 'in_progress');
