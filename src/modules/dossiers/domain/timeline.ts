// A dossier's history as the public sees it: (action, time) pairs in the order the events were written, kept in
// the dossier row (migration 0016). The database appends the pairs of the events the application writes; a bulk
// writer that inserts dossiers together with all their events builds the pairs with timelineOf instead.

/** One step of the history: the event's action and its time as ISO 8601 text in UTC with milliseconds. */
export type TimelineItem = [action: string, at: string];

export function timelineOf(events: readonly { action: string; at: Date | string }[]): TimelineItem[] {
  return events.map((e) => [e.action, new Date(e.at).toISOString()]);
}
