/**
 * Accessibility reports in the newsletter's database: stored with their mail to the staff (in
 * the outbox) in one transaction, listed and purged by the operators' command.
 */
import { text, type Database } from '../core/db.ts';
import type { OutgoingMail } from '../mail/transport.ts';
import { dayMs } from '../../lib/calendar-days.ts';

/** Reports are deleted a year after they arrive (the privacy page says so). */
export const reportRetention = 365 * dayMs;
/** A mail to the staff waits in the outbox for at most the 30 days an answer may take. */
const staffMailLifetime = 30 * dayMs;

/** The outbox rows of a report's mail carry this tag, so that deleting the report deletes them. */
const outboxTag = (id: number) => `report:${id}`;

export interface NewReport {
  text: string;
  page?: string | undefined;
  lang: string;
  email?: string | undefined;
}

/**
 * Stores a report and, when `compose` is given (STAFF_EMAIL is set), queues its mail to the
 * staff in the same transaction. Returns the report's number.
 */
export async function saveReport(
  db: Database,
  report: NewReport,
  compose: ((id: number) => OutgoingMail) | undefined,
  now = Date.now(),
): Promise<number> {
  const tx = await db.transaction('write');
  try {
    const inserted = await tx.execute({
      sql: `INSERT INTO accessibility_reports (text, page, lang, email, created_at)
            VALUES (?, ?, ?, ?, ?) RETURNING id`,
      args: [report.text, report.page ?? null, report.lang, report.email ?? null, now],
    });
    const id = Number(inserted.rows[0]?.['id']);
    if (compose) {
      await tx.execute({
        sql: `INSERT INTO outbox (email_hash, message, created_at, expires_at, next_attempt_at)
              VALUES (?, ?, ?, ?, ?)`,
        args: [outboxTag(id), JSON.stringify(compose(id)), now, now + staffMailLifetime, now],
      });
    }
    await tx.commit();
    return id;
  } finally {
    tx.close();
  }
}

export interface StoredReport {
  id: number;
  createdAt: string;
  lang: string;
  page: string;
  email: string;
  text: string;
}

/** Every report, oldest first; an absent page or address is ''. */
export async function listReports(db: Database): Promise<StoredReport[]> {
  const result = await db.execute(
    'SELECT id, created_at, lang, page, email, text FROM accessibility_reports ORDER BY id',
  );
  return result.rows.map((row) => ({
    id: Number(row['id']),
    createdAt: new Date(Number(row['created_at'])).toISOString(),
    lang: text(row['lang']),
    page: text(row['page']),
    email: text(row['email']),
    text: text(row['text']),
  }));
}

/**
 * Deletes the reports given by number, or those older than `olderThanMs`, with any mail of
 * theirs still queued (it quotes them). Returns how many reports went.
 */
export async function purgeReports(
  db: Database,
  which: { ids: number[] } | { olderThanMs: number },
  now = Date.now(),
): Promise<number> {
  const where =
    'ids' in which
      ? {
          sql: `id IN (${which.ids.map(() => '?').join(', ') || 'NULL'})`,
          args: which.ids,
        }
      : { sql: 'created_at < ?', args: [now - which.olderThanMs] };
  const [, deleted] = await db.batch(
    [
      {
        sql: `DELETE FROM outbox WHERE email_hash IN
                (SELECT 'report:' || id FROM accessibility_reports WHERE ${where.sql})`,
        args: where.args,
      },
      { sql: `DELETE FROM accessibility_reports WHERE ${where.sql}`, args: where.args },
    ],
    'write',
  );
  return deleted?.rowsAffected ?? 0;
}
