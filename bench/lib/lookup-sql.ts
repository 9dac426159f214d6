// The plain prepared lookup of the bench's reference server: what the public lookup reads, in one statement.
export const plainLookupSql = `select d.id, d.code, d.state, d.procedure_name, d.applicant_name, d.applicant_phone, d.received_at, d.due_at,
  d.appointment_at, d.finished_at, d.returned_at,
  exists (select 1 from dossier_ratings r where r.dossier_id = d.id) as rated,
  (select json_agg(json_build_object('at', e.at, 'action', e.action) order by e.id) from dossier_events e where e.dossier_id = d.id) as events
  from dossiers d where d.code = $1`;
