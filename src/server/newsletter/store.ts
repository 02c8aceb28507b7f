/**
 * What happens to subscribers, each step one atomic write. A signup is acknowledged only after
 * it is written as received; it is then settled (its row, its token and its confirmation mail
 * in the outbox, committed together) right after the answer, or at the next request.
 */
import { randomBytes } from 'node:crypto';
import { text, type Database } from '../core/db.ts';
import { confirmToken, emailHash, randomToken, tokenHash, tokenMarks } from './tokens.ts';
import { staffMailRefused, type OutgoingMail } from '../mail/transport.ts';
import type { ConfirmationLinks } from '../mail/templates/confirmation.ts';
import type { LeaveLinks } from '../mail/templates/leave-links.ts';
import { dayMs } from '../../lib/calendar-days.ts';

/** A confirmation link works for 48 hours. */
export const tokenLifetime = 2 * dayMs;
/** A confirmed address refused for good this many times is no longer mailed. */
export const refusalsBeforeSuppression = 3;
/** Unconfirmed signups are deleted after 30 days. */
export const pendingLifetime = 30 * dayMs;
/**
 * Version of the consent text the subscriber agreed to (the form's checkbox and the privacy
 * page). Change it whenever either changes.
 */
export const consentVersion = '2026-11-27';

export type Status = 'pending' | 'confirmed' | 'unsubscribed';

export interface SignupLinks {
  /** The confirm link for a signup's token. */
  confirmUrl(token: string): string;
  /** The links to leave for a subscriber's signed token. */
  leaveUrls(token: string): LeaveLinks;
}

/**
 * Receives a signup: composes its mail and writes it as it came, one row, the same work
 * whatever the address's state, so neither the answer nor its timing tells states apart.
 * Once this returns the signup is kept (a crash loses nothing); `settleSignups` does the rest.
 */
export async function receiveSignup(
  db: Database,
  secret: string,
  signup: { email: string; lang: string },
  compose: (links: ConfirmationLinks) => OutgoingMail,
  links: SignupLinks,
  now = Date.now(),
): Promise<void> {
  const hash = emailHash(secret, signup.email);
  const seed = randomToken();
  // The links hold marks, filled in at sending: the row keeps no token (tokens.ts).
  const mail = compose({
    confirm: links.confirmUrl(tokenMarks.confirm(seed)),
    ...links.leaveUrls(tokenMarks.leave),
  });
  await db.execute({
    sql: `INSERT INTO received_signups (email_hash, email, lang, consent_version, token_hash, message, received_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
    args: [
      hash,
      signup.email,
      signup.lang,
      consentVersion,
      tokenHash(confirmToken(secret, seed)),
      JSON.stringify(mail),
      now,
    ],
  });
}

/**
 * Settles received signups, oldest first: each records the subscriber and, at most once a
 * day per address, queues its token and mail, in one transaction that also deletes the
 * received row. Two settlers taking the same row do it once: the second finds the mail sent
 * within the day. Returns how many were settled.
 */
export async function settleSignups(
  db: Database,
  { now = Date.now(), limit = 100 }: { now?: number; limit?: number } = {},
): Promise<number> {
  const received = await db.execute({
    sql: `SELECT id, email_hash, email, lang, consent_version, token_hash, message
          FROM received_signups ORDER BY id LIMIT ?`,
    args: [limit],
  });
  for (const row of received.rows) {
    await settle(db, row, now);
  }
  return received.rows.length;
}

/** One received signup into subscribers, tokens and outbox (see settleSignups). */
async function settle(db: Database, row: Record<string, unknown>, now: number): Promise<void> {
  // This settler's mark on the row it writes: the token and mail follow only that write.
  const nonce = randomBytes(12).toString('base64url');
  const hash = String(row['email_hash']);
  const sending =
    'EXISTS (SELECT 1 FROM subscribers WHERE email_hash = :hash AND mail_nonce = :nonce)';
  await db.batch(
    [
      {
        // New address: insert. Pending or left, last mail over a day ago: refresh and mail
        // again. Confirmed, or mailed within the day: nothing changes.
        sql: `INSERT INTO subscribers (email_hash, email, lang, consent_version, submitted_at, status, last_mail_at, mail_nonce)
              VALUES (:hash, :email, :lang, :consent, :now, 'pending', :now, :nonce)
              ON CONFLICT (email_hash) DO UPDATE SET
                email = :email, lang = :lang, consent_version = :consent, submitted_at = :now,
                confirmed_at = NULL, status = 'pending', last_mail_at = :now, mail_nonce = :nonce
              WHERE subscribers.status <> 'confirmed' AND subscribers.last_mail_at <= :cutoff`,
        args: {
          hash,
          nonce,
          email: String(row['email']),
          lang: String(row['lang']),
          consent: String(row['consent_version']),
          now,
          cutoff: now - dayMs,
        },
      },
      {
        sql: `INSERT OR IGNORE INTO confirm_tokens (token_hash, email_hash, expires_at)
              SELECT :token, :hash, :expires WHERE ${sending}`,
        args: { token: String(row['token_hash']), hash, nonce, expires: now + tokenLifetime },
      },
      {
        sql: `INSERT INTO outbox (email_hash, message, created_at, expires_at, next_attempt_at)
              SELECT :hash, :message, :now, :expires, :now WHERE ${sending}`,
        args: {
          message: String(row['message']),
          now,
          hash,
          nonce,
          expires: now + tokenLifetime,
        },
      },
      { sql: 'DELETE FROM received_signups WHERE id = :id', args: { id: Number(row['id']) } },
    ],
    'write',
  );
}

/** A signup received and settled at once (the operators' tools and tests). */
export async function subscribe(
  db: Database,
  secret: string,
  signup: { email: string; lang: string },
  compose: (links: ConfirmationLinks) => OutgoingMail,
  links: SignupLinks,
  now = Date.now(),
): Promise<void> {
  await receiveSignup(db, secret, signup, compose, links, now);
  await settleSignups(db, { now, limit: Number.MAX_SAFE_INTEGER });
}

export type ConfirmResult = 'confirmed' | 'invalid';

/** Confirms the subscription a token was sent for; a token works once, for 48 hours. */
export async function confirm(
  db: Database,
  token: string,
  now = Date.now(),
): Promise<ConfirmResult> {
  const hash = tokenHash(token);
  const [updated] = await db.batch(
    [
      {
        sql: `UPDATE subscribers SET status = 'confirmed', confirmed_at = :now
              WHERE status = 'pending' AND email_hash =
                (SELECT email_hash FROM confirm_tokens WHERE token_hash = :hash AND expires_at > :now)`,
        args: { hash, now },
      },
      { sql: 'DELETE FROM confirm_tokens WHERE token_hash = :hash', args: { hash } },
    ],
    'write',
  );
  return updated && updated.rowsAffected === 1 ? 'confirmed' : 'invalid';
}

/** Whether a confirmation token is still usable (for the page that shows the button). */
export async function tokenIsLive(db: Database, token: string, now = Date.now()): Promise<boolean> {
  const result = await db.execute({
    sql: 'SELECT 1 FROM confirm_tokens WHERE token_hash = ? AND expires_at > ?',
    args: [tokenHash(token), now],
  });
  return result.rows.length > 0;
}

/**
 * Leaving: the address and everything about it is deleted; only its keyed fingerprint and the
 * time of the last mail stay, so that nobody can make the site mail it again within the day.
 */
export async function unsubscribe(db: Database, hash: string): Promise<void> {
  await db.batch(
    [
      {
        sql: `UPDATE subscribers SET email = NULL, lang = NULL, consent_version = NULL,
                submitted_at = NULL, confirmed_at = NULL, status = 'unsubscribed', mail_nonce = NULL
              WHERE email_hash = :hash`,
        args: { hash },
      },
      { sql: 'DELETE FROM confirm_tokens WHERE email_hash = :hash', args: { hash } },
      { sql: 'DELETE FROM received_signups WHERE email_hash = :hash', args: { hash } },
      // A mail still queued for them would carry their address on, and reach them after leaving.
      { sql: 'DELETE FROM outbox WHERE email_hash = :hash', args: { hash } },
      // What notices they were sent, and how often their mail server refused them, goes too.
      {
        sql: 'DELETE FROM deliveries WHERE subscriber_id IN (SELECT id FROM subscribers WHERE email_hash = :hash)',
        args: { hash },
      },
      {
        sql: 'DELETE FROM refusals WHERE subscriber_id IN (SELECT id FROM subscribers WHERE email_hash = :hash)',
        args: { hash },
      },
    ],
    'write',
  );
}

export interface Subscriber {
  email: string;
  lang: string;
  consentVersion: string;
  submittedAt: string;
  confirmedAt: string;
}

/** Confirmed subscribers, optionally of one language, oldest first. */
export async function confirmedSubscribers(db: Database, lang?: string): Promise<Subscriber[]> {
  const result = await db.execute({
    sql: `SELECT email, lang, consent_version, submitted_at, confirmed_at FROM subscribers
          WHERE status = 'confirmed' AND (:lang IS NULL OR lang = :lang) ORDER BY confirmed_at, email`,
    args: { lang: lang ?? null },
  });
  return result.rows.map((row) => ({
    email: text(row['email']),
    lang: text(row['lang']),
    consentVersion: text(row['consent_version']),
    submittedAt: new Date(Number(row['submitted_at'])).toISOString(),
    confirmedAt: new Date(Number(row['confirmed_at'])).toISOString(),
  }));
}

export interface Stats {
  byStatus: Record<Status, number>;
  confirmedByLanguage: Record<string, number>;
  /** `staffRefused`: mails to the staff the mail server refused at their last try (retried). */
  outbox: { waiting: number; failing: number; staffRefused: number };
  /** Confirmed addresses no longer mailed: their mail server refused them for good 3 times. */
  suppressed: number;
  /** Notices mailed or being mailed, oldest first. */
  notices: NoticeSendStats[];
}

export interface NoticeSendStats {
  slug: string;
  startedAt: string;
  finishedAt: string | null;
  sent: number;
  failed: number;
  skipped: number;
  /** Still to send, or waiting to be tried again. */
  pending: number;
}

export async function stats(db: Database): Promise<Stats> {
  const [statuses, languages, outbox, suppressed, notices] = await db.batch(
    [
      'SELECT status, COUNT(*) AS n FROM subscribers GROUP BY status',
      "SELECT lang, COUNT(*) AS n FROM subscribers WHERE status = 'confirmed' GROUP BY lang",
      `SELECT COUNT(*) AS waiting, SUM(attempts > 0) AS failing,
         SUM(${staffMailRefused}) AS staff_refused
       FROM outbox`,
      `SELECT COUNT(*) AS n FROM refusals r JOIN subscribers s ON s.id = r.subscriber_id
       WHERE s.status = 'confirmed' AND r.count >= ${refusalsBeforeSuppression}`,
      // A finished notice keeps only its counts; one being sent counts its deliveries.
      `SELECT n.slug, n.started_at, n.finished_at,
         n.sent + COALESCE(SUM(d.state = 'sent'), 0) AS sent,
         n.failed + COALESCE(SUM(d.state = 'failed'), 0) AS failed,
         n.skipped + COALESCE(SUM(d.state = 'skipped'), 0) AS skipped,
         COALESCE(SUM(d.state = 'pending'), 0) AS pending
       FROM notice_sends n LEFT JOIN deliveries d ON d.notice = n.slug
       GROUP BY n.slug ORDER BY n.started_at, n.slug`,
    ],
    'read',
  );
  const byStatus: Record<Status, number> = { pending: 0, confirmed: 0, unsubscribed: 0 };
  for (const row of statuses?.rows ?? []) byStatus[row['status'] as Status] = Number(row['n']);
  const confirmedByLanguage: Record<string, number> = {};
  for (const row of languages?.rows ?? [])
    confirmedByLanguage[text(row['lang'])] = Number(row['n']);
  const counts = outbox?.rows[0];
  return {
    byStatus,
    confirmedByLanguage,
    outbox: {
      waiting: Number(counts?.['waiting'] ?? 0),
      failing: Number(counts?.['failing'] ?? 0),
      staffRefused: Number(counts?.['staff_refused'] ?? 0),
    },
    suppressed: Number(suppressed?.rows[0]?.['n'] ?? 0),
    notices: (notices?.rows ?? []).map((row) => ({
      slug: text(row['slug']),
      startedAt: new Date(Number(row['started_at'])).toISOString(),
      finishedAt:
        row['finished_at'] === null ? null : new Date(Number(row['finished_at'])).toISOString(),
      sent: Number(row['sent']),
      failed: Number(row['failed']),
      skipped: Number(row['skipped']),
      pending: Number(row['pending']),
    })),
  };
}

/** Deletes signups never confirmed within 30 days, and expired tokens and rate counters. */
export async function purge(db: Database, now = Date.now()): Promise<{ pending: number }> {
  const [pending] = await db.batch(
    [
      {
        sql: "DELETE FROM subscribers WHERE status = 'pending' AND submitted_at < ?",
        args: [now - pendingLifetime],
      },
      { sql: 'DELETE FROM confirm_tokens WHERE expires_at <= ?', args: [now] },
      // A left subscriber's fingerprint is only needed while the day's mail limit lasts.
      {
        sql: "DELETE FROM subscribers WHERE status = 'unsubscribed' AND last_mail_at < ?",
        args: [now - dayMs],
      },
      { sql: 'DELETE FROM rate_limits WHERE window_start < ?', args: [now - dayMs] },
      { sql: 'DELETE FROM outbox WHERE expires_at <= ?', args: [now] },
    ],
    'write',
  );
  return { pending: pending?.rowsAffected ?? 0 };
}
