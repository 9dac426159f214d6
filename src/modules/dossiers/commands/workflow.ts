import type { Db } from '../../../access/reach.ts';
import { AppError } from '../../../platform/errors.ts';
import { defaultWorkflowVersionId, getWorkflowVersion } from '../../catalog/index.ts';
import type { DossierState } from '../domain/states.ts';
import { firstStep, type Workflow } from '../domain/workflow.ts';
import type { DossierRow } from '../tables.ts';

/** The workflow version a dossier pinned at intake (never the newest one). */
export async function loadWorkflow(db: Db, versionId: string | null): Promise<Workflow> {
  if (!versionId) throw new Error('dossier has no pinned workflow version');
  const version = await getWorkflowVersion(db, versionId);
  if (!version) throw new Error(`workflow version ${versionId} not found`);
  return { versionId, definition: version.definition };
}

/**
 * A dossier imported from a previous system pins no workflow: the first action adopts the current default one and
 * places the dossier at the step matching its state (received → first step, in progress → the step after it,
 * result ready → the final step). Returns the columns to write before acting.
 */
export async function adoptWorkflow(db: Db, row: DossierRow): Promise<Partial<DossierRow>> {
  const versionId = await defaultWorkflowVersionId(db, row.duration_kind === 'same_day' ? 'on_the_spot' : 'standard');
  if (!versionId) {
    throw new AppError(409, 'no_workflow', 'No default workflow is published; publish one in the catalogue first.', 'Chưa có quy trình mặc định được ban hành; hãy ban hành quy trình trong danh mục.');
  }
  const workflow = await loadWorkflow(db, versionId);
  const steps = workflow.definition.steps;
  const first = firstStep(workflow);
  const state = row.state as DossierState;
  const at = state === 'result_ready' ? steps.find((s) => s.final) ?? first
    : state === 'in_progress' || state === 'supplement_requested' || state === 'paused_financial' ? steps.find((s) => s.key === first.next[0]) ?? first
    : first;
  const trail = at.key === first.key ? [] : steps.slice(0, steps.indexOf(at)).map((s) => s.key);
  return { workflow_version_id: versionId, step_key: at.key, step_role: state === 'result_ready' ? 'desk_officer' : at.role, step_trail: trail };
}
