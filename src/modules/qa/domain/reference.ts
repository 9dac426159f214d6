// Public reference of a question: HD-<YYMMDD>-<NNNN>, NNNN the day's sequence (kept atomically in the database).

export function questionReference(day: string, sequence: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a date: ${day}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence: ${sequence}`);
  return `HD-${day.slice(2).replace(/-/g, '')}-${String(sequence).padStart(4, '0')}`;
}

export function normaliseQuestionReference(text: string): string {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  const m = /^HD-?(\d{6})-?(\d{4,})$/.exec(compact);
  return m ? `HD-${m[1]}-${m[2]}` : compact;
}

/** Answered questions are expected within this many working days (a configurable service standard). */
export const answerWorkingDays = 5;
