// The catalogue module: what the app, the command line, the demo and other modules use. Other modules read the
// catalogue only through these functions, never its tables.

export { catalogRoutes } from './routes.ts';
export { catalogCommands } from './cli.ts';
export { catalogDemoSeeder } from './demo.ts';
export { catalogPolicy } from './policy.ts';

// For the dossier module (intake, pinned workflow) and the counter's search-as-you-type.
export { getProcedureForIntake, requireProcedureForIntake } from './intake.ts';
export type { IntakeQuery, IntakeLookup, IntakeFailure, ProcedureForIntake, IntakeFee } from './intake.ts';
export { getWorkflowVersion } from './repository-workflows.ts';
export type { WorkflowVersion } from './repository-workflows.ts';
export { searchProcedures } from './repository-search.ts';
export type { SearchQuery, ProcedureListItem, ProcessingTimeSummary } from './repository-search.ts';
export { ensureProcedure } from './commands/ensure.ts';
export type { WorkflowDefinition, WorkflowStep, WorkflowAction } from './workflow/types.ts';
export { workflowActions } from './workflow/types.ts';
export type { ProcessingTime, DurationKind, OnlineLevel, Channel } from './domain/index.ts';
export type { DocumentInput as ProcedureDocument, FeeInput as ProcedureFee } from './model.ts';
export { procedureLabels, procedureLabelsByCode, procedureInForce, offeringUnits } from './reads.ts';
export type { ProcedureLabel, ProcedureInForce, OfferingUnit } from './reads.ts';
export type { ProcedureStub } from './commands/ensure.ts';

import type { Db as CatalogDb } from '../../access/reach.ts';
import { currentWorkflowVersions as currentVersions, defaultWorkflowId as defaultId, type DefaultWorkflow } from './repository-workflows.ts';

/** The published version of a default workflow (for dossiers that arrive without one, e.g. imported). */
export async function defaultWorkflowVersionId(db: CatalogDb, kind: DefaultWorkflow): Promise<string | null> {
  const id = await defaultId(db, kind);
  return (await currentVersions(db, [id])).get(id)?.id ?? null;
}
