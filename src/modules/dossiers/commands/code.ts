import { AppError } from '../../../platform/errors.ts';
import { dossierCode, MAX_DAILY_SEQUENCE } from '../domain/code.ts';

/**
 * The code of a dossier the unit receives now, with the day's number it took (at the counter or accepting an online
 * submission); a unit that has used up the day's numbers receives no more that day.
 */
export function issueDossierCode(unit: { agencyCode: string; fullName: string }, now: Date, sequence: number): string {
  if (sequence > MAX_DAILY_SEQUENCE) {
    throw new AppError(409, 'daily_sequence_full', `${unit.fullName} has received ${MAX_DAILY_SEQUENCE.toLocaleString('en')} dossiers today, the most a day's codes can number.`,
      `${unit.fullName} đã tiếp nhận ${MAX_DAILY_SEQUENCE.toLocaleString('vi')} hồ sơ trong ngày, hết số thứ tự của mã hồ sơ trong ngày.`);
  }
  return dossierCode(unit.agencyCode, now, sequence);
}
