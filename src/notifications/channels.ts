import nodemailer from 'nodemailer';
import type { OutboxLog } from '../platform/outbox/index.ts';

// The two ways a notification leaves the system. Both receive the outbox message id so that a receiver (or a
// gateway that supports client references) can drop a repeat: delivery is at least once.

export interface EmailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row: used as the Message-ID, so a repeat is recognisable as the same message. */
  messageId: string;
  signal?: AbortSignal;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

/** Sends through the SMTP server of SMTP_URL (smtp://user:pass@host:587, smtps://… for implicit TLS). */
export class SmtpEmailSender implements EmailSender {
  private transport: ReturnType<typeof nodemailer.createTransport>;

  constructor(smtpUrl: string) {
    // Short timeouts: a hung server fails the attempt (and is retried later) instead of stalling the worker.
    // Options in the URL's query string (e.g. ?socketTimeout=60000) take precedence.
    this.transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  }

  async send(m: EmailMessage): Promise<void> {
    const info = await this.transport.sendMail({
      from: m.from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      messageId: m.messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
      signal: m.signal,
    });
    if (info.rejected?.length) throw new Error(`recipient rejected by the mail server: ${info.response ?? ''}`.trim());
  }
}

export interface SmsMessage {
  /** As stored: digits with an optional leading +. */
  to: string;
  /** ≤ 160 characters in the GSM 7-bit alphabet (Vietnamese folded to ASCII): send this by default. */
  text: string;
  /** The same message with diacritics, for gateways that send Unicode (UCS-2: 70 characters per segment). */
  unicodeText: string;
  /** Stable per outbox row: pass it as the gateway's client reference when it has one. */
  messageId: string;
  signal?: AbortSignal;
}

/**
 * An SMS gateway. A real implementation (a carrier's or an aggregator's HTTP API) should:
 * - send `text` unless the contract guarantees Unicode delivery, then `unicodeText`;
 * - pass `messageId` as the client reference so a repeated call does not send twice, if the API allows it;
 * - resolve only once the gateway accepted the message, and throw on any refusal or network error (the outbox
 *   retries with backoff); throw PermanentDeliveryError for refusals that retrying cannot fix (invalid number);
 * - honour `signal` (the attempt's time limit);
 * - return `{ sent: false, note }` if it only pretended (like the logging gateway), so nobody is misled.
 */
export interface SmsGateway {
  readonly name: string;
  send(message: SmsMessage): Promise<{ sent: boolean; note?: string }>;
}

/** The default gateway: writes the SMS to the server log and says honestly that it was not sent. */
export class LoggingSmsGateway implements SmsGateway {
  readonly name = 'log';

  constructor(private log: OutboxLog) {}

  async send(m: SmsMessage): Promise<{ sent: boolean; note?: string }> {
    this.log('warn', 'SMS NOT sent: no SMS gateway is configured; the message is written here instead', {
      messageId: m.messageId, to: m.to, text: m.text,
    });
    return { sent: false, note: 'not sent: no SMS gateway configured (logged only)' };
  }
}
