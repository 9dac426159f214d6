-- Lists that span many units (a province's report viewer, a system administrator) page by creation time across
-- the whole table: walk this index and filter by unit instead of sorting every dossier in reach.
create index dossiers_created_idx on dossiers (created_at desc, id desc);
