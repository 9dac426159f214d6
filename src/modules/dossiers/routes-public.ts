import { timingSafeEqual } from 'node:crypto';
import { Type } from 'typebox';
import { coalescing } from '../../platform/coalesce.ts';
import { AppError } from '../../platform/errors.ts';
import type { App, AppContext } from '../../platform/http/context.ts';
import { errors, Nullable } from '../../platform/http/schemas.ts';
import { calendarFrom, recentUnitChain } from '../calendar/repository.ts';
import { maskName, normalisePhone } from './domain/applicant.ts';
import { nationalStatus, stateLabels, type DossierState } from './domain/states.ts';
import { actionLabel } from './detail.ts';
import { deadlineOf, iso } from './present.ts';
import { MAX_LOOKUP_CODES, publicLookupRows } from './repository.ts';

// Public lookup: the exact code plus a second factor (the applicant's phone or the receipt's secret), in the
// body so it never lands in access logs. Never by code prefix. The answer carries no personal data beyond a
// masked name, and no official's name.

const notFoundBoth = () =>
  new AppError(404, 'dossier_not_found', 'No dossier matches this code and phone number or secret.', 'Không tìm thấy hồ sơ khớp với mã và số điện thoại (hoặc mã tra cứu) đã nhập.');

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a.toUpperCase());
  const y = Buffer.from(b.toUpperCase());
  return x.length === y.length && timingSafeEqual(x, y);
}

const LookupResult = Type.Object({
  code: Type.String(),
  procedureName: Type.String(),
  applicantName: Type.String(),
  status: Type.Integer(),
  state: Type.String(),
  statusLabel: Type.String(),
  statusLabelEn: Type.String(),
  receivedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  returnedAt: Nullable(Type.String()),
  deadline: Nullable(Type.Object({ status: Type.String(), vi: Type.String(), en: Type.String() })),
  canRate: Type.Boolean(),
  timeline: Type.Array(Type.Object({ at: Type.String(), label: Type.String(), labelEn: Type.String() })),
});

export function publicDossierRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;
  // Lookups arriving together share one statement (see coalesce.ts); each still checks its own second factor.
  // Two batches in flight: on 2 cores with 16 clients, one in flight did best on a small database (200k dossiers,
  // 3,900-4,700/s) but waits on the disk reads of a large one (1M: interleaved runs 2,550-3,300/s with one, 2,650-3,800
  // with two, 2,400-3,200 with four).
  const lookupRow = coalescing((codes: string[]) => publicLookupRows(db, codes), { maxBatch: MAX_LOOKUP_CODES, maxInFlight: 2 });
  app.post('/api/v1/public/dossiers/lookup', {
    config: { csrf: false, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['public'],
      summary: 'Look a dossier up by its exact code and the phone number or the secret on the receipt / Tra cứu hồ sơ',
      body: Type.Object({
        code: Type.String({ minLength: 5, maxLength: 60 }),
        phone: Type.Optional(Type.String({ minLength: 6, maxLength: 20 })),
        secret: Type.Optional(Type.String({ minLength: 6, maxLength: 20 })),
      }, { additionalProperties: false }),
      response: { 200: LookupResult, ...errors(400, 404, 429) },
    },
  }, async (request) => {
    const { code, phone, secret } = request.body;
    if (!phone && !secret) {
      throw new AppError(400, 'second_factor_required', 'Enter the phone number given at submission or the secret printed on the receipt.',
        'Nhập số điện thoại đã khai khi nộp hồ sơ hoặc mã tra cứu in trên giấy tiếp nhận.', [{ field: 'phone', message: 'required', messageVi: 'bắt buộc' }]);
    }
    const row = await lookupRow(code.trim());
    if (!row) throw notFoundBoth();
    const phoneOk = !!phone && !!row.applicant_phone && normalisePhone(phone) === row.applicant_phone;
    const secretOk = !!secret && !!row.lookup_secret && sameSecret(secret.trim(), row.lookup_secret);
    if (!phoneOk && !secretOk) throw notFoundBoth();
    const state = row.state as DossierState;
    const { calendar } = await calendarFrom(db, row.ruleSetHead, await recentUnitChain(db, row.unit_id));
    return {
      code: row.code!, procedureName: row.procedure_name, applicantName: maskName(row.applicant_name),
      status: nationalStatus[state], state, statusLabel: stateLabels[state].vi, statusLabelEn: stateLabels[state].en,
      receivedAt: iso(row.received_at), dueAt: iso(row.appointment_at ?? row.due_at), finishedAt: iso(row.finished_at), returnedAt: iso(row.returned_at),
      deadline: deadlineOf(row, calendar, ctx.clock()),
      canRate: state === 'returned' && !row.rated,
      timeline: row.timeline.map(([action, at]) => {
        const label = actionLabel(action);
        return { at, label: label.vi, labelEn: label.en };
      }),
    };
  });
}
