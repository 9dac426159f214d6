import type { WorkflowDefinition, WorkflowStep } from '../../catalog/index.ts';

// The dossier's view of its pinned workflow version (defined and validated by the catalogue): steps by key,
// each with its role, its percentage of the processing time, its actions, the steps it hands over to, and
// whether the dossier may finish there.

export type { WorkflowStep };

export interface Workflow {
  versionId: string;
  definition: WorkflowDefinition;
}

export function firstStep(workflow: Workflow): WorkflowStep {
  const step = workflow.definition.steps[0];
  if (!step) throw new Error(`workflow version ${workflow.versionId} has no steps`);
  return step;
}

export function stepByKey(workflow: Workflow, key: string | null): WorkflowStep | null {
  return workflow.definition.steps.find((s) => s.key === key) ?? null;
}

/** Percentage of the processing time used up at the end of `current`, along the path the dossier took. */
export function cumulativeShare(workflow: Workflow, trail: readonly string[], current: string): number {
  return [...trail, current].reduce((sum, key) => sum + (stepByKey(workflow, key)?.share ?? 0), 0);
}
