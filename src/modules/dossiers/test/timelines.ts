import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../../../access/reach.ts';
import { timelineOf } from '../domain/timeline.ts';

/**
 * Ids of the dossiers whose stored timeline is not what their events say (each event's action and time, in id
 * order), compared in JavaScript so the database's time text is checked against toISOString as well.
 */
export async function timelinesOutOfStep(db: Db): Promise<string[]> {
  const events = await db.selectFrom('dossier_events').select(['dossier_id', 'action', 'at']).orderBy('id').execute();
  const byDossier = new Map<string, { action: string; at: Date }[]>();
  for (const e of events) {
    const list = byDossier.get(e.dossier_id) ?? [];
    list.push(e);
    byDossier.set(e.dossier_id, list);
  }
  const dossiers = await db.selectFrom('dossiers').select(['id', 'timeline']).execute();
  return dossiers.filter((d) => !isDeepStrictEqual(d.timeline, timelineOf(byDossier.get(d.id) ?? []))).map((d) => d.id);
}
