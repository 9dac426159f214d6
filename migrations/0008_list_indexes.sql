-- The "all" list pages by creation time. A unit's list walks the first index; lists that span many units (a
-- province's report viewer, a system administrator) walk the second and filter by unit instead of sorting every
-- dossier in reach.
create index dossiers_unit_created_idx on dossiers (unit_id, created_at desc, id desc);
create index dossiers_created_idx on dossiers (created_at desc, id desc);
