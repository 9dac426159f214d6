import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { reachOf } from '../../access/policy.ts';
import { isUnitInReach } from '../../access/reach.ts';
import type { Caller } from '../../access/roles.ts';
import { audit, type AuditContext } from '../../audit/audit.ts';
import { vnDate } from '../../platform/clock.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { nfc } from '../../platform/text.ts';
import type { DossierRow } from '../dossiers/tables.ts';
import { dossierByCode } from '../citizen/dossier-reads.ts';
import { ratingPolicy } from './policy.ts';
import { insertKiosk, insertRating, kioskByTokenHash, lockKiosk, returnedBy, revokeKioskRow, touchKiosk } from './repository.ts';
import type { DossierRatingsTable, SatisfactionLevel } from './tables.ts';

// A dossier is rated once, by its applicant, after its result was returned: online (account), after a lookup
// (code + phone or secret), or on the kiosk at the counter that returned it, the same day.

export interface RatingAnswers {
  attitude: SatisfactionLevel;
  overall?: SatisfactionLevel | null;
  contactsNeeded?: number | null;
  bodiesVisited?: number | null;
  infoCorrect?: boolean | null;
  comment?: string | null;
}

export const alreadyRated = () => conflict('already_rated', 'This dossier has already been rated; each dossier is rated once.',
  'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.');

const notRatable = () => conflict('not_ratable', 'Only a dossier whose result has been returned can be rated.',
  'Chỉ đánh giá được hồ sơ đã trả kết quả.');

export async function rateDossier(
  db: Kysely<Schema>, actor: AuditContext, dossier: DossierRow, answers: RatingAnswers, channel: DossierRatingsTable['channel'], now: Date,
): Promise<void> {
  if (dossier.state !== 'returned') throw notRatable();
  await db.transaction().execute(async (trx) => {
    const officialId = await returnedBy(trx, dossier.id);
    const inserted = await insertRating(trx, {
      dossier_id: dossier.id, unit_id: dossier.unit_id, procedure_id: dossier.procedure_id, official_id: officialId, rated_at: now, channel,
      attitude: answers.attitude, overall: answers.overall ?? null, contacts_needed: answers.contactsNeeded ?? null,
      bodies_visited: answers.bodiesVisited ?? null, info_correct: answers.infoCorrect ?? null,
      comment: answers.comment?.trim() ? nfc(answers.comment.trim()) : null,
    });
    if (!inserted) throw alreadyRated();
    await audit(trx, actor, {
      action: 'dossier.rate', subjectType: 'dossier', subjectId: dossier.id, unitId: dossier.unit_id,
      after: { channel, attitude: answers.attitude, overall: answers.overall ?? null, officialId },
    });
  });
}

export const hashKioskToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Turns a tablet into the rating kiosk of a unit; only an official of that unit (or above) can. */
export async function activateKiosk(db: Kysely<Schema>, actor: AuditContext, caller: Caller, unitId: string, label: string, now: Date) {
  if (!(await isUnitInReach(db, reachOf(caller, ratingPolicy.kiosk), unitId))) {
    throw forbidden('You cannot set up a kiosk for this unit.', 'Bạn không được kích hoạt máy đánh giá cho đơn vị này.');
  }
  const token = randomBytes(32).toString('base64url');
  return db.transaction().execute(async (trx) => {
    const kiosk = await insertKiosk(trx, { unitId, tokenHash: hashKioskToken(token), label, createdBy: caller.userId, now });
    await audit(trx, actor, { action: 'kiosk.activate', subjectType: 'kiosk', subjectId: kiosk.id, unitId, after: { label } });
    return { id: kiosk.id, token };
  });
}

export async function revokeKiosk(db: Kysely<Schema>, actor: AuditContext, caller: Caller, id: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const kiosk = await lockKiosk(trx, id);
    if (!kiosk || !(await isUnitInReach(trx, reachOf(caller, ratingPolicy.kiosk), kiosk.unit_id))) throw notFound('Kiosk', 'Máy đánh giá');
    if (kiosk.revoked_at) return;
    await revokeKioskRow(trx, id, now);
    await audit(trx, actor, { action: 'kiosk.revoke', subjectType: 'kiosk', subjectId: id, unitId: kiosk.unit_id });
  });
}

export const kioskRequired = () => new AppError(401, 'kiosk_not_activated', 'This device is not an activated rating kiosk. Ask an official to activate it.',
  'Thiết bị này chưa được kích hoạt làm máy đánh giá. Đề nghị cán bộ kích hoạt.');

export async function kioskFromToken(db: Kysely<Schema>, token: string | undefined, now: Date) {
  const kiosk = token ? await kioskByTokenHash(db, hashKioskToken(token)) : null;
  if (!kiosk) throw kioskRequired();
  await touchKiosk(db, kiosk.id, now);
  return kiosk;
}

/**
 * The kiosk rates only a dossier whose result was returned at its counter (its unit or a unit below) today: the
 * person in front of the tablet has just collected it.
 */
export async function dossierForKiosk(db: Kysely<Schema>, kioskUnitId: string, code: string, now: Date): Promise<DossierRow> {
  const row = await dossierByCode(db, code);
  const here = !!row && row.state === 'returned' && !!row.returned_at && vnDate(row.returned_at) === vnDate(now)
    && (await isUnitInReach(db, [kioskUnitId], row.unit_id));
  if (!row || !here) {
    throw new AppError(404, 'not_returned_here', 'No dossier with this code had its result returned at this counter today.',
      'Không có hồ sơ nào mang mã này được trả kết quả tại quầy này trong hôm nay.');
  }
  return row;
}
