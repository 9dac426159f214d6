import { Type } from 'typebox';
import { definePolicy, reachOf } from '../access/policy.ts';
import { isUnitInReach, type Db, type Reach } from '../access/reach.ts';
import { audit } from '../audit/audit.ts';
import { conflict, forbidden, notFound } from '../platform/errors.ts';
import { auditContext, requireCaller, type App, type AppContext } from '../platform/http/context.ts';
import { decodeCursor, pageOf } from '../platform/http/cursor.ts';
import { DateTime, errors, Nullable, Page, PageQuery, StringEnum, Uuid } from '../platform/http/schemas.ts';
import {
  listOutboxRows, lockOutboxRow, outboxStatuses, outboxStatusOf, resetOutboxRow, type OutboxRow,
} from '../platform/outbox/index.ts';
import { maskRecipient } from './format.ts';
import { channels, notifyTopic, type Channel } from './notify.ts';

// The staff notifications page: what the outbox holds for the caller's units, and a manual retry.

export const notificationPolicy = definePolicy({
  read: { roles: ['system_admin', 'unit_admin'] },
  retry: { roles: ['system_admin', 'unit_admin'] },
});

const NotificationSchema = Type.Object({
  id: Type.Integer(),
  topic: Type.String(),
  status: StringEnum(outboxStatuses),
  channel: Nullable(StringEnum(channels)),
  recipient: Nullable(Type.String({ description: 'Masked: n***a@gmail.com, 091****678' })),
  template: Nullable(Type.String()),
  locale: Nullable(Type.String()),
  unitId: Nullable(Uuid),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  outcome: Nullable(StringEnum(['sent', 'not_sent'] as const, { description: 'For delivered rows: really sent, or processed without sending (see note)' })),
  note: Nullable(Type.String()),
  inProgress: Type.Boolean({ description: 'A server process is delivering it right now' }),
  createdAt: DateTime,
  availableAt: DateTime,
  lastAttemptAt: Nullable(DateTime),
  deliveredAt: Nullable(DateTime),
  deadAt: Nullable(DateTime),
}, { $id: 'Notification' });

const emailInText = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[A-Za-z]{2,}/g;

export function presentNotification(row: OutboxRow, now: Date) {
  const payload = (row.payload ?? {}) as Record<string, unknown>;
  const isNotify = row.topic === notifyTopic;
  const channel = isNotify && channels.includes(payload.channel as Channel) ? (payload.channel as Channel) : null;
  const str = (v: unknown) => (isNotify && typeof v === 'string' ? v : null);
  const to = str(payload.to);
  return {
    id: row.id,
    topic: row.topic,
    status: outboxStatusOf(row),
    channel,
    recipient: to && channel ? maskRecipient(channel, to) : null,
    template: str(payload.template),
    locale: str(payload.locale),
    unitId: row.unit_id,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    // Mail servers quote the address they refused; staff see it masked like the recipient.
    lastError: row.last_error?.replace(emailInText, (m) => maskRecipient('email', m)) ?? null,
    outcome: row.outcome,
    note: row.delivery_note,
    inProgress: !!row.locked_until && row.locked_until.getTime() > now.getTime(),
    createdAt: row.created_at.toISOString(),
    availableAt: row.available_at.toISOString(),
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    deadAt: row.dead_at?.toISOString() ?? null,
  };
}

/** Rows without a unit (system messages) are visible to system administrators only. */
async function inReach(db: Db, reach: Reach, row: OutboxRow): Promise<boolean> {
  if (reach === 'all') return true;
  return row.unit_id !== null && isUnitInReach(db, reach, row.unit_id);
}

function readableReach(reach: Reach): Reach {
  if (reach !== 'all' && !reach.length) throw forbidden();
  return reach;
}

export function notificationRoutes(app: App, ctx: AppContext): void {
  app.addSchema(NotificationSchema);
  const db = ctx.database.db;

  app.get('/api/v1/notifications', {
    schema: {
      tags: ['notifications'],
      summary: 'Outgoing notifications of the units in reach, newest first / Thông báo gửi đi (email, SMS) và tình trạng gửi',
      querystring: Type.Object({
        status: Type.Optional(StringEnum(outboxStatuses, { description: 'pending: not tried yet; failed: will retry; dead: gave up; delivered: done' })),
        ...PageQuery,
      }),
      response: { 200: Page(Type.Ref('Notification')), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const reach = readableReach(reachOf(requireCaller(request), notificationPolicy.read));
    const limit = request.query.limit ?? 50;
    const after = decodeCursor<[number]>(request.query.cursor, 1);
    const rows = await listOutboxRows(db, { status: request.query.status, reach, beforeId: after?.[0], limit: limit + 1 });
    const page = pageOf(rows, limit, (r) => [r.id]);
    const now = ctx.clock();
    return { items: page.items.map((r) => presentNotification(r, now)), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/notifications/:id/retry', {
    schema: {
      tags: ['notifications'],
      summary: 'Send a failed or dead notification again now, with a fresh set of attempts / Gửi lại thông báo lỗi',
      params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
      response: { 200: Type.Ref('Notification'), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const reach = readableReach(reachOf(requireCaller(request), notificationPolicy.retry));
    const { id } = request.params;
    const now = ctx.clock();
    const row = await db.transaction().execute(async (trx) => {
      const before = await lockOutboxRow(trx, id);
      if (!before || !(await inReach(trx, reach, before))) throw notFound('Notification', 'Thông báo');
      const status = outboxStatusOf(before);
      if (status !== 'failed' && status !== 'dead') {
        throw conflict('not_retryable', `Only failed or dead notifications can be retried (this one is ${status}).`,
          `Chỉ gửi lại được thông báo bị lỗi hoặc đã dừng gửi (thông báo này đang ở trạng thái ${statusVi[status]}).`);
      }
      if (before.locked_until && before.locked_until.getTime() > now.getTime()) {
        throw conflict('delivery_in_progress', 'This notification is being sent right now; look again in a minute.',
          'Thông báo này đang được gửi; vui lòng xem lại sau một phút.');
      }
      const after = await resetOutboxRow(trx, id, now);
      await audit(trx, auditContext(request), {
        action: 'notification.retry', subjectType: 'outbox', subjectId: String(id), unitId: before.unit_id,
        before: { status, attempts: before.attempts, lastError: before.last_error, deadAt: before.dead_at },
        after: { status: outboxStatusOf(after), attempts: after.attempts, availableAt: after.available_at },
      });
      return after;
    });
    return presentNotification(row, now);
  });
}

const statusVi = { pending: 'chờ gửi', failed: 'lỗi, sẽ gửi lại', dead: 'dừng gửi', delivered: 'đã xử lý' } as const;
