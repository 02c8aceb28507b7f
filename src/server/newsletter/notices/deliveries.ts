/**
 * The record that makes a notice reach each subscriber exactly once: one row per (notice,
 * subscriber), written when the notice starts, marked sent as soon as the mail server accepts
 * the mail. A finished notice keeps only its counts.
 */
import { text, type Database } from '../../core/db.ts';
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

/**
 * Closes the notices with nothing left to send: their counts are kept, their deliveries (who
 * got what) deleted, as no rerun can need them any more.
 */
export async function finishNotices(db: Database, now = Date.now()): Promise<void> {
  const open = await db.execute(
    `SELECT slug FROM notice_sends n WHERE finished_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notice = n.slug AND d.state = 'pending')`,
  );
  for (const row of open.rows) {
    const slug = text(row['slug']);
    await db.batch(
      [
        {
          sql: `UPDATE notice_sends SET finished_at = :now,
                  sent = sent + (SELECT COUNT(*) FROM deliveries WHERE notice = :slug AND state = 'sent'),
                  failed = failed + (SELECT COUNT(*) FROM deliveries WHERE notice = :slug AND state = 'failed'),
                  skipped = skipped + (SELECT COUNT(*) FROM deliveries WHERE notice = :slug AND state = 'skipped')
                WHERE slug = :slug AND finished_at IS NULL`,
          args: { slug, now },
        },
        { sql: 'DELETE FROM deliveries WHERE notice = ?', args: [slug] },
      ],
      'write',
    );
  }
}
