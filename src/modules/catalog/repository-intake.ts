// SQL of what intake asks the catalogue, in one statement: the procedure, its published version in force at the
// date, whether the unit offers it, and the workflow versions a new dossier would pin (those of the version's cases
// that name a workflow, and the two defaults). The version's content and the workflows' definitions are kept in
// memory once read (published ones never change), so a dossier costs the catalogue one round trip.

import { sql } from 'kysely';
import type { Db } from '../../access/reach.ts';
import { compiledOnce } from '../../platform/db/compiled.ts';
import { offeringSql } from './repository-offerings.ts';
import { currentDefaultWorkflowVersionSql, currentWorkflowVersionSql, type DefaultWorkflow, type PublishedWorkflowRef } from './repository-workflows.ts';

export interface IntakeRow {
  procedureId: string;
  code: string;
  /** The published version in force, with its updated_at (the key it is kept by). */
  version: { id: string; updatedAt: Date } | null;
  offering: { offered: boolean; regardlessOfBoundary: boolean };
  /** Newest published version of each workflow a case of the version names. */
  caseWorkflows: Record<string, PublishedWorkflowRef | null>;
  defaultWorkflows: Record<DefaultWorkflow, PublishedWorkflowRef | null>;
}

interface Row {
  id: string;
  code: string;
  version_id: string | null;
  version_updated_at: Date | null;
  offering: IntakeRow['offering'];
  case_workflows: Record<string, PublishedWorkflowRef | null> | null;
  standard_workflow: PublishedWorkflowRef | null;
  on_the_spot_workflow: PublishedWorkflowRef | null;
}

const intakeRowSql = (column: 'id' | 'code', key: string, date: string, unitId: string) => sql<Row>`select p.id, p.code, v.id as version_id,
      v.updated_at as version_updated_at, ${offeringSql(sql.ref('p.id'), unitId)} as offering,
      (select json_object_agg(c.workflow_id, ${currentWorkflowVersionSql(sql.ref('c.workflow_id'))})
        from procedure_cases c where c.version_id = v.id and c.workflow_id is not null) as case_workflows,
      ${currentDefaultWorkflowVersionSql('standard')} as standard_workflow,
      ${currentDefaultWorkflowVersionSql('on_the_spot')} as on_the_spot_workflow
    from procedures p
    left join lateral (select pv.id, pv.updated_at from procedure_versions pv where pv.procedure_id = p.id and pv.status = 'published'
      and pv.effective_from <= ${date}::date and (pv.effective_to is null or pv.effective_to > ${date}::date) limit 1) v on true
    where ${column === 'id' ? sql`p.id = ${key}::uuid` : sql`p.code = ${key}`}`;

// Read for every dossier received: compiled once (see compiled.ts).
const intakeRowById = compiledOnce((_db, id: string, date: string, unitId: string) => intakeRowSql('id', id, date, unitId), ['key', 'date', 'unit']);
const intakeRowByCode = compiledOnce((_db, code: string, date: string, unitId: string) => intakeRowSql('code', code, date, unitId), ['key', 'date', 'unit']);

export async function intakeRow(db: Db, by: { procedureId?: string; code?: string }, date: string, unitId: string): Promise<IntakeRow | null> {
  if (!by.procedureId && !by.code) return null;
  const rows = by.procedureId ? await intakeRowById(db, by.procedureId, date, unitId) : await intakeRowByCode(db, by.code!, date, unitId);
  const r = rows[0];
  if (!r) return null;
  return {
    procedureId: r.id,
    code: r.code,
    version: r.version_id ? { id: r.version_id, updatedAt: r.version_updated_at! } : null,
    offering: r.offering,
    caseWorkflows: r.case_workflows ?? {},
    defaultWorkflows: { standard: r.standard_workflow, on_the_spot: r.on_the_spot_workflow },
  };
}
