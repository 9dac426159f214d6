import { sql } from 'kysely';
import type { Db } from '../../../access/reach.ts';

// Citizen accounts' SQL: the account row, and what an account reads of the dossiers linked to it (read-only over
// the dossier module's tables).

export async function insertCitizen(db: Db, c: { fullName: string; fullNameFolded: string; phone: string | null; email: string | null; passwordHash: string; now: Date }): Promise<string> {
  const row = await db.insertInto('users').values({
    kind: 'citizen', full_name: c.fullName, full_name_folded: c.fullNameFolded, phone: c.phone, email: c.email,
    password_hash: c.passwordHash, created_at: c.now, updated_at: c.now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function citizenDossiers(db: Db, userId: string) {
  const rows = await sql<{
    id: string; code: string | null; reference: string | null; procedure_name: string; unit_name: string; state: string;
    submitted_at: Date; due_at: Date | null; appointment_at: Date | null; returned_at: Date | null; result_file_id: string | null; rated: boolean;
  }>`
    select d.id, d.code, s.reference, d.procedure_name, u.full_name as unit_name, d.state, d.submitted_at, d.due_at, d.appointment_at,
      d.returned_at, d.result_file_id, exists (select 1 from dossier_ratings r where r.dossier_id = d.id) as rated
    from dossiers d join units u on u.id = d.unit_id
      left join submission_drafts s on s.submitted_dossier_id = d.id
    where d.applicant_user_id = ${userId}
    order by d.created_at desc, d.id desc
    limit 200`.execute(db);
  return rows.rows;
}

export async function citizenResults(db: Db, userId: string) {
  return db.selectFrom('dossiers as d').innerJoin('files as f', 'f.id', 'd.result_file_id')
    .select(['d.id', 'd.code', 'd.procedure_name', 'd.result_number', 'd.result_signed_on', 'f.id as file_id', 'f.original_name as file_name'])
    .where('d.applicant_user_id', '=', userId).where('d.state', 'in', ['result_ready', 'returned'])
    .orderBy('d.finished_at', 'desc').limit(200).execute();
}
