/**
 * Sending mails, whatever they say (the words are in ./templates/): queued in the outbox with
 * what they belong to (a signup, a report), and sent by `drainOutbox` (after each request, and
 * by `npm run newsletter -- send`). A failed send stays queued and is tried again later, so an
 * SMTP outage loses nothing.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { ownerOnlyFolder, type ServerSettings } from '../core/settings.ts';
import { text, type Database } from '../core/db.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  lang: string;
  /** RFC 8058 one-click unsubscribe target; none on a mail to the staff. */
  unsubscribeUrl?: string;
  /** Where the staff's answer goes, e.g. the address a reporter gave. */
  replyTo?: string;
  /** RFC 2919 list identifier of mails sent to the whole list, e.g. 'Polo <avvisi.polo-siracusa.it>'. */
  listId?: string;
  /** Shown in the log when mails go to files, so a developer can follow it. */
  confirmUrl?: string;
}

export interface Sender {
  send(mail: OutgoingMail): Promise<void>;
  /** Closes pooled connections, so that a command can end. */
  close(): void;
}

export interface SenderOptions {
  smtpUrl?: string | undefined;
  from: string;
  outboxDir: string;
  /** The site's or the sender's domain, e.g. 'polo-siracusa.it': Message-IDs are made on it. */
  domain: string;
  /** Keep one connection open for many mails (the notice sender), instead of one per mail. */
  pool?: boolean;
}

/** What nodemailer is given for `mail`. */
function messageOf(mail: OutgoingMail, options: SenderOptions) {
  return {
    from: options.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    // On the site's own domain: an id on 'localhost' or on another host counts against the mail.
    messageId: `<${randomUUID()}@${options.domain}>`,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    headers: {
      'Content-Language': mail.lang,
      ...(mail.unsubscribeUrl
        ? {
            'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }
        : {}),
      ...(mail.listId ? { 'List-Id': mail.listId } : {}),
    },
  };
}

/** The whole message as a mail program would receive it (.eml), e.g. to look at it first. */
export async function rawMessage(mail: OutgoingMail, options: SenderOptions): Promise<Buffer> {
  const stream = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  const info = await stream.sendMail(messageOf(mail, options));
  return info.message as Buffer;
}

/** Sends through `smtpUrl`, or writes .eml files to `outboxDir` when there is no SMTP server. */
export function createSender(options: SenderOptions): Sender {
  if (options.smtpUrl) {
    const transport = options.pool
      ? // One connection: the notice sender has one mail in flight at a time (see newsletter/notices/send.ts).
        nodemailer.createTransport({ url: options.smtpUrl, pool: true, maxConnections: 1 })
      : nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail(messageOf(mail, options));
      },
      close: () => transport.close(),
    };
  }
  const files = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    async send(mail) {
      const info = await files.sendMail(messageOf(mail, options));
      ownerOnlyFolder(options.outboxDir);
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`;
      // A mail holds an address and a working link: the owner's only.
      writeFileSync(join(options.outboxDir, name), info.message as Buffer, { mode: 0o600 });
      // The address stays out of the log; the link is what a developer needs.
      console.info(
        `[newsletter] mail written to ${join(options.outboxDir, name)}${mail.confirmUrl ? `; confirm link: ${mail.confirmUrl}` : ''}`,
      );
    },
    close: () => files.close(),
  };
}

/** The sender the settings name, e.g. senderFor(settings, { pool: true }) for many mails. */
export function senderFor(
  settings: Pick<ServerSettings, 'smtpUrl' | 'mailFrom' | 'outboxDir' | 'mailDomain'>,
  { pool = false }: { pool?: boolean } = {},
): Sender {
  return createSender({
    smtpUrl: settings.smtpUrl,
    from: settings.mailFrom,
    outboxDir: settings.outboxDir,
    domain: settings.mailDomain,
    ...(pool ? { pool } : {}),
  });
}

/** Wait before the next try after `attempts` failures: 1 min, 5 min, 30 min, then 2 h. */
export function retryDelay(attempts: number): number {
  return [60_000, 5 * 60_000, 30 * 60_000][attempts - 1] ?? 2 * 60 * 60_000;
}

/** How long a sender may hold a mail before another may try it. */
const lease = 5 * 60_000;

/** An SMTP reply that will not change on a retry (5xx: no such mailbox, refused). */
export function refusedForGood(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Outbox rows of mails to the staff (a report, a notice's receipt) are tagged so, never with
 * a subscriber's fingerprint.
 */
export const isStaffMail = (tag: string): boolean => /^(?:report|receipt):/.test(tag);

/** SQL condition on outbox rows: a mail to the staff the mail server refused at its last try. */
export const staffMailRefused =
  "(email_hash LIKE 'report:%' OR email_hash LIKE 'receipt:%') AND last_error LIKE 'refused%'";

/**
 * Why a send failed, with nothing the mail server may have quoted (an address): the error's kind
 * and code, and for an SMTP refusal its reply codes, e.g. 'refused 550 5.1.1 (EENVELOPE)'.
 */
export function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return 'error';
  const { code, responseCode, response } = error as {
    code?: string;
    responseCode?: number;
    response?: string;
  };
  if (typeof responseCode === 'number') {
    const enhanced = /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b/.exec(response ?? '')?.[1];
    const kind = refusedForGood(error) ? 'refused' : 'deferred';
    return `${kind} ${responseCode}${enhanced ? ` ${enhanced}` : ''}${code ? ` (${code})` : ''}`;
  }
  return `${error.name} ${code ?? ''}`.trim();
}

/**
 * Sends what is due in the outbox. Each mail is first leased (so two senders never send it
 * twice), then deleted when sent or past its time, or rescheduled with its error (`failed`:
 * tried again later). A subscriber's mail refused for good (5xx) is dropped (`refused`); a mail
 * to the staff never is: the staff's address or the mail server must be put right, so it is
 * logged, without the address, and tried again like any failure.
 * `fill` makes a stored mail (its JSON and its row's tag) the one to send: links are stored
 * without their tokens, which only the sender puts in. `includeWaiting` also takes mails
 * waiting for a retry.
 */
export async function drainOutbox(
  db: Database,
  sender: Sender,
  fill: (message: string, tag: string) => string,
  options: { now?: number; limit?: number; includeWaiting?: boolean } = {},
): Promise<{ sent: number; failed: number; refused: number }> {
  const { now = Date.now(), limit = 50, includeWaiting = false } = options;
  await db.execute({ sql: 'DELETE FROM outbox WHERE expires_at <= ?', args: [now] });
  const dueBy = includeWaiting ? Number.MAX_SAFE_INTEGER : now;
  const due = await db.execute({
    sql: `SELECT id, email_hash, message, attempts FROM outbox
          WHERE next_attempt_at <= ? AND leased_until <= ? ORDER BY id LIMIT ?`,
    args: [dueBy, now, limit],
  });
  let sent = 0;
  let failed = 0;
  let refused = 0;
  for (const row of due.rows) {
    const id = Number(row['id']);
    const leased = await db.execute({
      sql: 'UPDATE outbox SET leased_until = ? WHERE id = ? AND leased_until <= ?',
      args: [now + lease, id, now],
    });
    if (leased.rowsAffected !== 1) continue;
    const tag = text(row['email_hash']);
    const staff = isStaffMail(tag);
    try {
      await sender.send(JSON.parse(fill(text(row['message']), tag)) as OutgoingMail);
      await db.execute({ sql: 'DELETE FROM outbox WHERE id = ?', args: [id] });
      sent++;
    } catch (error) {
      if (refusedForGood(error) && !staff) {
        refused++;
        await db.execute({ sql: 'DELETE FROM outbox WHERE id = ?', args: [id] });
        continue;
      }
      failed++;
      const attempts = Number(row['attempts']) + 1;
      const reason = failureReason(error);
      const delay = retryDelay(attempts);
      if (staff) {
        console.warn(
          `[mail] a mail to the staff was not sent (${reason}), try ${attempts}: tried again in ${delay / 60_000} min`,
        );
      }
      await db.execute({
        sql: `UPDATE outbox SET attempts = ?, next_attempt_at = ?, leased_until = 0, last_error = ?
              WHERE id = ?`,
        args: [attempts, now + delay, reason, id],
      });
    }
  }
  return { sent, failed, refused };
}
