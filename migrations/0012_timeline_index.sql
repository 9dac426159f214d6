-- A dossier's timeline (the public lookup, the detail view) reads its events in order. With the two columns the
-- lookup shows carried in the index it is answered from the index alone, one leaf page per dossier, instead of one
-- heap page per event: events of one dossier are written days apart and lie on different pages of a large table
-- (1M dossiers, lookups in batches of 16: 0.12 → 0.08 ms per dossier when cached, 0.32 → 0.24 when read from disk).
-- It replaces the index on (dossier_id, id), which is its prefix.
create index dossier_events_timeline_idx on dossier_events (dossier_id, id) include (at, action);
drop index dossier_events_dossier_idx;
