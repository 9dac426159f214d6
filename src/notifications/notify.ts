import type { Db } from '../access/reach.ts';
import type { WriteBatch } from '../platform/db/batch.ts';
import { enqueue, enqueueInBatch, PermanentDeliveryError, type EnqueueInput, type DeliveryReport, type OutboxHandler } from '../platform/outbox/index.ts';
import { LoggingSmsGateway, SmtpEmailSender, type EmailSender, type SmsGateway } from './channels.ts';
import { isEmailAddress, normalizePhone } from './format.ts';
import {
  isTemplateName, locales, renderNotification, templateParamErrors, type Locale, type TemplateName, type TemplateParams,
} from './templates.ts';

// The `notify` outbox topic: one message to one recipient over one channel, rendered at delivery time.

export const notifyTopic = 'notify';
export const channels = ['email', 'sms'] as const;
export type Channel = (typeof channels)[number];

export interface NotifyPayload<T extends TemplateName = TemplateName> {
  channel: Channel;
  to: string;
  template: T;
  params: TemplateParams<T>;
  locale: Locale;
}

/** Problems with a notify payload, empty when it can be delivered. */
export function notifyPayloadErrors(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null) return ['payload must be an object'];
  const p = payload as Record<string, unknown>;
  const errors: string[] = [];
  if (!channels.includes(p.channel as Channel)) errors.push(`channel must be one of ${channels.join(', ')}`);
  if (!locales.includes(p.locale as Locale)) errors.push(`locale must be one of ${locales.join(', ')}`);
  if (typeof p.to !== 'string') errors.push('to must be a string');
  else if (p.channel === 'email' && !isEmailAddress(p.to)) errors.push('to is not an email address');
  else if (p.channel === 'sms' && !normalizePhone(p.to)) errors.push('to is not a phone number');
  if (!isTemplateName(p.template)) errors.push(`unknown template ${JSON.stringify(p.template)}`);
  else errors.push(...templateParamErrors(p.template, p.params).map((e) => `params${e}`));
  return errors;
}

export interface NotificationInput<T extends TemplateName> {
  channel: Channel;
  to: string;
  template: T;
  params: TemplateParams<T>;
  /** Vietnamese unless the recipient chose English. */
  locale?: Locale;
  /** The unit whose officials follow this message on the notifications page. */
  unitId?: string | null;
  /** Idempotency: e.g. `dossier:<id>:received:email`. A repeat is silently ignored. */
  dedupeKey?: string | null;
  /** The command's `now`. */
  now?: Date;
}

/** The outbox message of a notification; throws on an invalid recipient or params (a bug). */
function notificationMessage<T extends TemplateName>(input: NotificationInput<T>): EnqueueInput {
  const to = input.channel === 'sms' ? (normalizePhone(input.to) ?? input.to) : input.to.trim();
  const payload: NotifyPayload<T> = { channel: input.channel, to, template: input.template, params: input.params, locale: input.locale ?? 'vi' };
  const errors = notifyPayloadErrors(payload);
  if (errors.length) throw new Error(`invalid notification (${input.template}): ${errors.join('; ')}`);
  return { topic: notifyTopic, payload, unitId: input.unitId, dedupeKey: input.dedupeKey, now: input.now };
}

/** Writes a `notify` outbox row in the caller's transaction; throws on an invalid recipient or params (a bug). */
export async function enqueueNotification<T extends TemplateName>(trx: Db, input: NotificationInput<T>): Promise<{ id: number; created: boolean }> {
  return enqueue(trx, notificationMessage(input));
}

export interface ApplicantNotificationInput<T extends TemplateName> extends Omit<NotificationInput<T>, 'channel' | 'to' | 'dedupeKey'> {
  email?: string | null;
  phone?: string | null;
  /** Suffixed with ':email' and ':sms'. */
  dedupeKey?: string | null;
}

export interface ApplicantNotificationResult {
  /** Absent when nothing was sent that way, or when the row went into a batch. */
  email?: { id: number; created: boolean };
  sms?: { id: number; created: boolean };
  /** Contacts that were given but cannot be used; nothing is enqueued for them. */
  skipped: string[];
}

/**
 * Notifies an applicant on every channel they gave: an email and/or an SMS. An unusable contact is skipped
 * (and reported) rather than failing the citizen's dossier action.
 */
export async function notifyApplicant<T extends TemplateName>(
  trx: Db, input: ApplicantNotificationInput<T>, batch?: WriteBatch,
): Promise<ApplicantNotificationResult> {
  const { email, phone, dedupeKey, ...rest } = input;
  const result: ApplicantNotificationResult = { skipped: [] };
  const key = (suffix: string) => (dedupeKey ? `${dedupeKey}:${suffix}` : null);
  const send = async (message: NotificationInput<T>) => {
    if (!batch) return enqueueNotification(trx, message);
    enqueueInBatch(batch, notificationMessage(message));
    return undefined;
  };
  if (email) {
    if (isEmailAddress(email.trim())) result.email = await send({ ...rest, channel: 'email', to: email, dedupeKey: key('email') });
    else result.skipped.push('email: not an email address');
  }
  if (phone) {
    if (normalizePhone(phone)) result.sms = await send({ ...rest, channel: 'sms', to: phone, dedupeKey: key('sms') });
    else result.skipped.push('phone: not a phone number');
  }
  return result;
}

export interface NotifyChannels {
  /** Default: SMTP_URL through nodemailer; when SMTP_URL is not set, the email is logged and not sent. */
  email?: EmailSender;
  /** Default: LoggingSmsGateway (logs, does not send). */
  sms?: SmsGateway;
}

const smtpSenders = new Map<string, SmtpEmailSender>();

function smtpSender(url: string): SmtpEmailSender {
  let sender = smtpSenders.get(url);
  if (!sender) smtpSenders.set(url, (sender = new SmtpEmailSender(url)));
  return sender;
}

function hostOf(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'gandan.invalid';
  } catch {
    return 'gandan.invalid';
  }
}

export const smtpNotConfiguredNote = 'not sent: SMTP_URL not set (message written to the server log)';

/** The `notify` handler. Reads SMTP_URL, MAIL_FROM and PUBLIC_URL from the delivering context's config. */
export function createNotifyHandler(options: NotifyChannels = {}): OutboxHandler {
  return async (message, env): Promise<DeliveryReport> => {
    const errors = notifyPayloadErrors(message.payload);
    if (errors.length) throw new PermanentDeliveryError(`invalid notify payload: ${errors.join('; ')}`);
    const p = message.payload as NotifyPayload;
    const { config } = env.ctx;
    const rendered = renderNotification(p.template, p.params, { locale: p.locale, publicUrl: config.publicUrl });

    if (p.channel === 'sms') {
      const gateway = options.sms ?? new LoggingSmsGateway(env.log);
      const res = await gateway.send({
        to: p.to, text: rendered.smsAscii, unicodeText: rendered.smsUnicode, messageId: message.messageId, signal: env.signal,
      });
      return res.sent
        ? { outcome: 'sent', note: res.note ?? `via ${gateway.name}` }
        : { outcome: 'not_sent', note: res.note ?? `not sent by ${gateway.name}` };
    }

    const sender = options.email ?? (config.smtpUrl ? smtpSender(config.smtpUrl) : null);
    if (!sender) {
      env.log('warn', 'Email NOT sent: SMTP_URL is not set. The message is written here instead and recorded as processed with outcome "not_sent".', {
        messageId: message.messageId, to: p.to, subject: rendered.subject, text: rendered.text,
      });
      return { outcome: 'not_sent', note: smtpNotConfiguredNote };
    }
    await sender.send({
      from: config.mailFrom,
      to: p.to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      // The row id (plus its creation time, so a rebuilt database never reuses an id seen by a mailbox).
      messageId: `<${message.messageId}.${message.createdAt.getTime()}@${hostOf(config.publicUrl)}>`,
      signal: env.signal,
    });
    return { outcome: 'sent' };
  };
}
