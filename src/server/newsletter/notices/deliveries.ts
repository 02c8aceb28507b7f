/**
 * The record that makes a notice reach each subscriber exactly once: one row per (notice,
 * subscriber), written when the notice starts, marked sent as soon as the mail server accepts
 * the mail. A finished notice keeps only its counts.
 */
import { randomBytes } from 'node:crypto';
import { dayMs } from '../../../lib/calendar-days.ts';
import { text, type Database } from '../../core/db.ts';
import type { MissedReason } from '../../mail/templates/notice-receipt.ts';
import type { OutgoingMail } from '../../mail/transport.ts';
import { refusalsBeforeSuppression } from '../store.ts';

/** A temporary refusal is tried again at most this many times in all, then given up. */
export const maxAttempts = 5;

const suppressed = `EXISTS (SELECT 1 FROM refusals r WHERE r.subscriber_id = s.id AND r.count >= ${refusalsBeforeSuppression})`;

/** Slugs of the notices already started (sent, or being sent). */
export async function startedNotices(db: Database): Promise<Set<string>> {
  const rows = (await db.execute('SELECT slug FROM notice_sends')).rows;
  return new Set(rows.map((row) => text(row['slug'])));
}

/**
 * Starts a notice: its audience is fixed, in the same transaction, to the subscribers
 * confirmed now, so later subscribers never get it. False when it was started before.
 */
export async function startNotice(
  db: Database,
  slug: string,
  run: string,
  now = Date.now(),
): Promise<boolean> {
  const [started] = await db.batch(
    [
      {
        sql: 'INSERT INTO notice_sends (slug, run, started_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        args: [slug, run, now],
      },
      {
        sql: `INSERT INTO deliveries (notice, subscriber_id, state)
              SELECT :slug, s.id, 'pending' FROM subscribers s
              WHERE s.status = 'confirmed' AND NOT ${suppressed}
                AND EXISTS (SELECT 1 FROM notice_sends WHERE slug = :slug AND run = :run)`,
        args: { slug, run },
      },
    ],
    'write',
  );
  return started?.rowsAffected === 1;
}

export interface Due {
  subscriberId: number;
  attempts: number;
  /** Null when the subscriber left, or is no longer to be mailed: the delivery is skipped. */
  email: string | null;
  lang: string;
  emailHash: string;
}

/** Up to `size` deliveries of `notice` due now, after subscriber `after`, in id order. */
export async function duePage(
  db: Database,
  notice: string,
  after: number,
  now: number,
  size: number,
): Promise<Due[]> {
  const result = await db.execute({
    sql: `SELECT d.subscriber_id, d.attempts, s.lang, s.email_hash,
            CASE WHEN s.status = 'confirmed' AND NOT ${suppressed} THEN s.email END AS email
          FROM deliveries d LEFT JOIN subscribers s ON s.id = d.subscriber_id
          WHERE d.notice = ? AND d.state = 'pending' AND d.next_attempt_at <= ? AND d.subscriber_id > ?
          ORDER BY d.subscriber_id LIMIT ?`,
    args: [notice, now, after, size],
  });
  return result.rows.map((row) => ({
    subscriberId: Number(row['subscriber_id']),
    attempts: Number(row['attempts']),
    email: row['email'] === null ? null : text(row['email']),
    lang: text(row['lang']),
    emailHash: text(row['email_hash']),
  }));
}

/** Deliveries still to make, due now or waiting for a retry, by language (for the dry run too). */
export async function pendingByLanguage(
  db: Database,
  notice: string,
): Promise<Record<string, number>> {
  const result = await db.execute({
    sql: `SELECT s.lang, COUNT(*) AS n FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
          WHERE d.notice = ? AND d.state = 'pending' AND s.status = 'confirmed' AND NOT ${suppressed}
          GROUP BY s.lang`,
    args: [notice],
  });
  return Object.fromEntries(result.rows.map((row) => [text(row['lang']), Number(row['n'])]));
}

/** Who a notice started now would go to, by language (the dry run's count for a new notice). */
export async function audienceByLanguage(db: Database): Promise<Record<string, number>> {
  const result = await db.execute(
    `SELECT s.lang, COUNT(*) AS n FROM subscribers s
     WHERE s.status = 'confirmed' AND NOT ${suppressed} GROUP BY s.lang`,
  );
  return Object.fromEntries(result.rows.map((row) => [text(row['lang']), Number(row['n'])]));
}

const key = 'WHERE notice = ? AND subscriber_id = ?';

/** The mail server accepted the mail: never send it again. */
export async function markSent(db: Database, notice: string, id: number, now = Date.now()) {
  await db.execute({
    sql: `UPDATE deliveries SET state = 'sent', sent_at = ?, attempts = attempts + 1 ${key}`,
    args: [now, notice, id],
  });
}

/** The subscriber left or is suppressed since the notice started. */
export async function markSkipped(db: Database, notice: string, id: number) {
  await db.execute({ sql: `UPDATE deliveries SET state = 'skipped' ${key}`, args: [notice, id] });
}

/**
 * A temporary refusal (4xx, lost connection): tried again after `delay`, or given up after
 * `maxAttempts`. Returns true when given up.
 */
export async function markTemporary(
  db: Database,
  notice: string,
  id: number,
  reason: string,
  delay: number,
  now = Date.now(),
): Promise<boolean> {
  const result = await db.execute({
    sql: `UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
            state = CASE WHEN attempts + 1 >= ${maxAttempts} THEN 'failed' ELSE 'pending' END
          ${key} RETURNING state`,
    args: [now + delay, reason, notice, id],
  });
  return result.rows[0]?.['state'] === 'failed';
}

/** A permanent refusal (5xx): not tried again, and counted against the address. */
export async function markRefused(
  db: Database,
  notice: string,
  id: number,
  reason: string,
  now = Date.now(),
) {
  await db.batch(
    [
      {
        sql: `UPDATE deliveries SET state = 'failed', attempts = attempts + 1, last_error = ? ${key}`,
        args: [reason, notice, id],
      },
      {
        sql: `INSERT INTO refusals (subscriber_id, count, last_at) VALUES (?, 1, ?)
              ON CONFLICT (subscriber_id) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
        args: [id, now],
      },
    ],
    'write',
  );
}

/** What a finished notice's receipt says: counts only, never an address. */
export interface NoticeOutcome {
  slug: string;
  startedAt: number;
  finishedAt: number;
  /** Mails accepted by the mail server, by the subscriber's language. */
  sentByLang: Record<string, number>;
  /** Subscribers who did not get it, by reason. */
  missed: Partial<Record<MissedReason, number>>;
}

/** Makes the receipt of a finished notice; undefined: none to mail (no staff address). */
export type ReceiptMaker = (outcome: NoticeOutcome) => OutgoingMail | undefined;

/** A receipt waits in the outbox at most this long (an SMTP outage of a week loses it). */
const receiptLifetime = 7 * dayMs;

/** The counts of a notice's deliveries, by language and by why some did not go. */
async function outcomeOf(db: Database, slug: string, now: number): Promise<NoticeOutcome> {
  const [started, rows] = await db.batch(
    [
      { sql: 'SELECT started_at FROM notice_sends WHERE slug = ?', args: [slug] },
      {
        sql: `SELECT d.state, s.lang, d.last_error,
                CASE WHEN s.status = 'confirmed' AND ${suppressed} THEN 1 ELSE 0 END AS suppressed,
                COUNT(*) AS n
              FROM deliveries d LEFT JOIN subscribers s ON s.id = d.subscriber_id
              WHERE d.notice = ? AND d.state <> 'pending'
              GROUP BY d.state, s.lang, d.last_error, suppressed`,
        args: [slug],
      },
    ],
    'read',
  );
  const outcome: NoticeOutcome = {
    slug,
    startedAt: Number(started?.rows[0]?.['started_at'] ?? now),
    finishedAt: now,
    sentByLang: {},
    missed: {},
  };
  const miss = (reason: MissedReason, n: number) =>
    (outcome.missed[reason] = (outcome.missed[reason] ?? 0) + n);
  for (const row of rows?.rows ?? []) {
    const n = Number(row['n']);
    const state = text(row['state']);
    if (state === 'sent') {
      const lang = text(row['lang']) || 'it';
      outcome.sentByLang[lang] = (outcome.sentByLang[lang] ?? 0) + n;
    } else if (state === 'failed') {
      // A 5xx code in the reason: refused for good; anything else: given up after retries.
      miss(/\b5\d\d\b/.test(text(row['last_error'])) ? 'refused' : 'gaveUp', n);
    } else if (state === 'skipped') {
      miss(Number(row['suppressed']) === 1 ? 'suppressed' : 'left', n);
    }
  }
  return outcome;
}

/**
 * Closes the notices with nothing left to send: their counts are kept, their deliveries (who
 * got what) deleted, as no rerun can need them any more, and their receipt is queued for the
 * staff. All in one transaction per notice, recorded in `notice_receipts`: a notice finished
 * by two senders at once, or by one that crashes, gets exactly one receipt. Returns how many
 * receipts were queued.
 */
export async function finishNotices(
  db: Database,
  { now = Date.now(), receipt }: { now?: number; receipt?: ReceiptMaker } = {},
): Promise<number> {
  const open = await db.execute(
    `SELECT slug FROM notice_sends n WHERE finished_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notice = n.slug AND d.state = 'pending')`,
  );
  let receipts = 0;
  for (const row of open.rows) {
    const slug = text(row['slug']);
    const mail = receipt?.(await outcomeOf(db, slug, now));
    // This finisher's mark: only the one whose receipt row is written queues the mail.
    const me = randomBytes(9).toString('base64url');
    const results = await db.batch(
      [
        {
          sql: `UPDATE notice_sends SET finished_at = :now,
                  sent = sent + (SELECT COUNT(*) FROM deliveries WHERE notice = :slug AND state = 'sent'),
                  failed = failed + (SELECT COUNT(*) FROM deliveries WHERE notice = :slug AND state = 'failed'),
                  skipped = skipped + (SELECT COUNT(*) FROM deliveries WHERE notice = :slug AND state = 'skipped')
                WHERE slug = :slug AND finished_at IS NULL`,
          args: { slug, now },
        },
        {
          sql: `INSERT INTO notice_receipts (slug, made_by, made_at, mailed)
                SELECT :slug, :me, :now, :mailed
                WHERE EXISTS (SELECT 1 FROM notice_sends WHERE slug = :slug AND finished_at = :now)
                ON CONFLICT DO NOTHING`,
          args: { slug, me, now, mailed: mail ? 1 : 0 },
        },
        ...(mail
          ? [
              {
                sql: `INSERT INTO outbox (email_hash, message, created_at, expires_at, next_attempt_at)
                      SELECT :tag, :message, :now, :expires, :now
                      WHERE EXISTS (SELECT 1 FROM notice_receipts WHERE slug = :slug AND made_by = :me)`,
                args: {
                  tag: `receipt:${slug}`,
                  message: JSON.stringify(mail),
                  now,
                  expires: now + receiptLifetime,
                  slug,
                  me,
                },
              },
            ]
          : []),
        { sql: 'DELETE FROM deliveries WHERE notice = ?', args: [slug] },
      ],
      'write',
    );
    if (mail && results[2]?.rowsAffected === 1) receipts++;
  }
  return receipts;
}
