// Workflow definitions (quy trình nội bộ): the steps a dossier goes through, stored as data and versioned.
// A dossier pins the version it started with, so publishing a new version never changes a running dossier.

import type { Role } from '../../../access/roles.ts';
import type { UnitKind } from '../../../units/kinds.ts';

export const workflowActions = ['forward', 'return_previous', 'request_supplement', 'approve', 'refuse'] as const;
/**
 * What an official may do at a step:
 * - forward: hand over to a next step; at a final step, finish (return the result);
 * - return_previous: send back to the step it came from;
 * - request_supplement: ask the applicant for missing documents (the dossier module runs the clock rules);
 * - approve: accept and hand over to a next step; at a final step, finish with the result;
 * - refuse: end the dossier with a refusal and its reasons.
 */
export type WorkflowAction = (typeof workflowActions)[number];

export interface WorkflowStep {
  /** Unique within the workflow, e.g. "receive". */
  key: string;
  name: string;
  nameEn: string;
  /** The role that acts at this step. */
  role: Role;
  /** Kind of the responsible unit relative to the receiving unit (its desk, a department), or null for the unit itself. */
  unitKind: UnitKind | null;
  /** A fixed responsible unit, when the step always goes to the same body. */
  unitId: string | null;
  /** Percentage of the case's processing time given to this step; along every path the shares sum to 100. */
  share: number;
  actions: WorkflowAction[];
  /** Keys of the steps that forward/approve may hand over to; several means a branch. */
  next: string[];
  /** The dossier may finish at this step (the result is returned). */
  final: boolean;
}

export interface WorkflowDefinition {
  steps: WorkflowStep[];
}

export interface WorkflowProblem {
  /** Where, e.g. "steps[2].next". */
  field: string;
  code: string;
  message: string;
  messageVi: string;
}
