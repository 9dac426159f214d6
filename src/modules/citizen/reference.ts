import { localDate } from '../../calendar/index.ts';

// Public references of things a citizen sends without a dossier code yet: an online submission waiting for the
// desk (TT-260302-7KQ4MZ). Random rather than sequential, so that one reference says nothing about the others.

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function submissionReference(now: Date, bytes: Uint8Array): string {
  if (bytes.length < 6) throw new RangeError('need 6 random bytes');
  const day = localDate(now).slice(2).replace(/-/g, '');
  return `TT-${day}-${Array.from(bytes.slice(0, 6), (b) => alphabet[b % alphabet.length]).join('')}`;
}

export const submissionReferencePattern = /^TT-\d{6}-[A-Z2-9]{6}$/;

/** What people type: lower case, spaces, a missing dash. */
export function normaliseSubmissionReference(text: string): string {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  const m = /^TT-?(\d{6})-?([A-Z2-9]{6})$/.exec(compact);
  return m ? `TT-${m[1]}-${m[2]}` : compact;
}
