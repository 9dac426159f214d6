import { localDate } from '../../../calendar/index.ts';

// Dossier code (Circular 01/2018 art. 19): <agency identifier>-<YYMMDD>-<NNNN>, NNNN the unit's daily sequence.

/** NNNN has four digits. */
export const MAX_DAILY_SEQUENCE = 9999;

export function dossierCode(agencyCode: string, receivedAt: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE) throw new RangeError(`daily sequence out of range: ${sequence}`);
  const yymmdd = localDate(receivedAt).slice(2).replace(/-/g, '');
  return `${agencyCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

export const dossierCodePattern = /^[0-9A-Z]+(\.[0-9A-Z]+)+-\d{6}-\d{4}$/;

const secretAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The lookup secret printed on the receipt: 10 characters from an unambiguous alphabet, from given random bytes. */
export function lookupSecretFrom(bytes: Uint8Array): string {
  if (bytes.length < 10) throw new RangeError('need 10 random bytes');
  return Array.from(bytes.slice(0, 10), (b) => secretAlphabet[b % secretAlphabet.length]).join('');
}
