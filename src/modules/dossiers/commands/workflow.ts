import type { Db } from '../../../access/reach.ts';
import { getWorkflowVersion } from '../../catalog/index.ts';
import type { Workflow } from '../domain/workflow.ts';

/** The workflow version a dossier pinned at intake (never the newest one). */
export async function loadWorkflow(db: Db, versionId: string | null): Promise<Workflow> {
  if (!versionId) throw new Error('dossier has no pinned workflow version');
  const version = await getWorkflowVersion(db, versionId);
  if (!version) throw new Error(`workflow version ${versionId} not found`);
  return { versionId, definition: version.definition };
}
