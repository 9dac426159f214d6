import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../access/reach.ts';
import { AppError } from '../../platform/errors.ts';
import { normalisePhone } from '../dossiers/domain/applicant.ts';
import type { DossierRow } from '../dossiers/tables.ts';
import { dossierByCode } from './dossier-reads.ts';

// Proving to be a dossier's applicant without an account: the exact dossier code (never a prefix) plus a second
// factor, the phone number given at intake or the secret printed on the receipt. A wrong code and a wrong factor
// get the same answer, so the API never confirms that a code exists.

export interface SecondFactor {
  phone?: string | null;
  secret?: string | null;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const normaliseSecret = (secret: string) => secret.toUpperCase().replace(/[\s-]/g, '');

export function factorMatches(row: { applicant_phone: string | null; lookup_secret: string | null }, factor: SecondFactor): boolean {
  if (factor.secret) return !!row.lookup_secret && sameText(normaliseSecret(factor.secret), row.lookup_secret);
  if (factor.phone) {
    const phone = normalisePhone(factor.phone);
    return !!phone && !!row.applicant_phone && sameText(phone, row.applicant_phone);
  }
  return false;
}

export const lookupFailed = () => new AppError(404, 'dossier_not_found',
  'No dossier matches this code and phone number or secret. Check them against your receipt.',
  'Không có hồ sơ khớp với mã và số điện thoại hoặc mã tra cứu này. Hãy đối chiếu với giấy tiếp nhận.');

export const factorRequired = () => new AppError(400, 'invalid_input', 'Give the phone number or the lookup secret.', 'Nhập số điện thoại hoặc mã tra cứu.',
  [{ field: 'phone', message: 'Give the phone number or the lookup secret.', messageVi: 'Nhập số điện thoại hoặc mã tra cứu.' }]);

/** The dossier with exactly this code whose applicant the factor proves, or 404. */
export async function verifiedDossier(db: Db, code: string, factor: SecondFactor): Promise<DossierRow> {
  if (!factor.phone && !factor.secret) throw factorRequired();
  const row = await dossierByCode(db, code);
  if (!row || !factorMatches(row, factor)) throw lookupFailed();
  return row;
}
