// The plain prepared lookup of the bench's reference server: what the public lookup reads, in one statement.
export const plainLookupSql = `select d.id, d.code, d.state, d.procedure_name, d.applicant_name, d.applicant_phone, d.received_at, d.due_at,
  d.appointment_at, d.finished_at, d.returned_at, d.timeline,
  exists (select 1 from dossier_ratings r where r.dossier_id = d.id) as rated
  from dossiers d where d.code = $1`;
