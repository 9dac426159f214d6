// What the dossier module asks the catalogue when a dossier is received: the published version in force at
// the receipt date, the chosen case with its duration, documents and fees, whether the receiving unit offers the
// procedure, and the workflow version the dossier pins.

import type { Db } from '../../access/reach.ts';
import { vnDate } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Channel, OnlineLevel, ProcessingTime } from './domain/index.ts';
import type { DocumentInput, FeeInput } from './model.ts';
import { loadPublishedVersion } from './repository.ts';
import { intakeRow } from './repository-intake.ts';
import { publishedWorkflowVersion, type WorkflowVersion } from './repository-workflows.ts';

export interface IntakeQuery {
  procedureId?: string;
  code?: string;
  /** The case's id or its key (stable across versions); may be left out when the procedure has one case. */
  caseId?: string;
  /** The receiving unit (a commune, ward, or one of their desks). */
  unitId: string;
  /** The receipt time, or a 'YYYY-MM-DD' date in Vietnam. */
  at: Date | string;
}

export interface IntakeFee extends FeeInput {
  free: boolean;
}

export interface ProcedureForIntake {
  procedureId: string;
  code: string;
  /** Pin this on the dossier: the content version in force at `at`. */
  versionId: string;
  versionNumber: number;
  name: string;
  field: string | null;
  onTheSpot: boolean;
  onlineLevel: OnlineLevel;
  channels: Channel[];
  effectiveFrom: string;
  effectiveTo: string | null;
  decisionNumber: string | null;
  case: {
    id: string;
    key: string;
    name: string | null;
    duration: ProcessingTime;
    documents: DocumentInput[];
    fees: IntakeFee[];
  };
  /** Every case of the version, for a picker. */
  cases: { id: string; key: string; name: string | null }[];
  /** The receiving unit (or the commune/ward it belongs to) offers the procedure. */
  offered: boolean;
  /** "Phi địa giới": receivable whatever the applicant's residence in the province. */
  regardlessOfBoundary: boolean;
  workflowId: string;
  /** Pin this on the dossier: getWorkflowVersion(db, id) returns exactly this version later. */
  workflowVersionId: string;
  /** That version's definition (published versions never change). */
  workflowDefinition: WorkflowVersion['definition'];
}

export type IntakeFailure =
  | 'procedure_not_found'
  | 'not_in_force'
  | 'case_required'
  | 'case_not_found'
  | 'no_processing_time';

export type IntakeLookup =
  | { found: true; procedure: ProcedureForIntake }
  | { found: false; reason: IntakeFailure; message: string; messageVi: string };

export async function getProcedureForIntake(db: Db, query: IntakeQuery): Promise<IntakeLookup> {
  const date = typeof query.at === 'string' ? query.at : vnDate(query.at);
  const procedure = await intakeRow(db, query, date, query.unitId);
  if (!procedure) return fail('procedure_not_found', 'The procedure does not exist.', 'Không có thủ tục này.');
  if (!procedure.version) {
    return fail('not_in_force', `Procedure ${procedure.code} has no published version in force on ${date}.`,
      `Thủ tục ${procedure.code} không có phiên bản đang có hiệu lực vào ngày ${date}.`);
  }
  const version = await loadPublishedVersion(db, procedure.version.id, procedure.version.updatedAt);
  if (!version) throw new Error(`procedure version ${procedure.version.id} vanished`); // versions are never deleted
  const chosen = query.caseId
    ? version.cases.find((c) => c.id === query.caseId || c.key === query.caseId)
    : version.cases.length === 1 ? version.cases[0] : undefined;
  if (!chosen) {
    return query.caseId
      ? fail('case_not_found', 'The procedure has no such case.', 'Thủ tục không có trường hợp này.')
      : fail('case_required', 'The procedure has several cases; choose one.', 'Thủ tục có nhiều trường hợp; hãy chọn một trường hợp.');
  }
  if (!chosen.processingTime) {
    return fail('no_processing_time', 'The case has no processing time.', 'Trường hợp này chưa có thời hạn giải quyết.');
  }
  const defaultKind = version.content.onTheSpot ? 'on_the_spot' : 'standard';
  const ref = chosen.workflowId ? procedure.caseWorkflows[chosen.workflowId] : procedure.defaultWorkflows[defaultKind];
  if (!ref) throw new Error(`workflow ${chosen.workflowId ?? defaultKind} has no published version`); // publish checks prevent it
  const workflow = await publishedWorkflowVersion(db, ref);
  const workflowId = workflow.workflowId;
  const offering = procedure.offering;
  return {
    found: true,
    procedure: {
      procedureId: procedure.procedureId,
      code: procedure.code,
      versionId: version.id,
      versionNumber: version.number,
      name: version.content.name,
      field: version.content.field,
      onTheSpot: version.content.onTheSpot,
      onlineLevel: version.content.onlineLevel,
      channels: version.content.channels,
      effectiveFrom: version.effectiveFrom!,
      effectiveTo: version.effectiveTo,
      decisionNumber: version.content.decisionNumber,
      case: {
        id: chosen.id,
        key: chosen.key,
        name: chosen.name,
        duration: chosen.processingTime,
        documents: chosen.documents,
        fees: chosen.fees.map((f) => ({ ...f, free: f.status === 'free' })),
      },
      cases: version.cases.map((c) => ({ id: c.id, key: c.key, name: c.name })),
      offered: offering.offered,
      regardlessOfBoundary: offering.regardlessOfBoundary,
      workflowId,
      workflowVersionId: workflow.id,
      workflowDefinition: workflow.definition,
    },
  };
}

/** The same lookup for a route: a failure becomes 404 (unknown procedure) or 422 (not usable at that date). */
export async function requireProcedureForIntake(db: Db, query: IntakeQuery): Promise<ProcedureForIntake> {
  const result = await getProcedureForIntake(db, query);
  if (result.found) return result.procedure;
  const status = result.reason === 'procedure_not_found' ? 404 : 422;
  throw new AppError(status, result.reason, result.message, result.messageVi);
}

function fail(reason: IntakeFailure, message: string, messageVi: string): IntakeLookup {
  return { found: false, reason, message, messageVi };
}
