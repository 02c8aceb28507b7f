/**
 * Versioned schema. Each migration runs once, in one write transaction, and is recorded in
 * `schema_migrations`; statements are idempotent so that two instances starting together agree.
 * Add a migration at the end; never edit one that has shipped.
 */
import type { Client } from '@libsql/client';

export const migrations: { version: number; name: string; statements: string[] }[] = [
  {
    version: 1,
    name: 'subscribers, tokens, outbox, rate limits',
    statements: [
      // Exactly what the privacy page lists: address, language, consent version, times, status.
      // email_hash (keyed) and last_mail_at stay after leaving, so no mail is re-sent too soon.
      `CREATE TABLE IF NOT EXISTS subscribers (
        id INTEGER PRIMARY KEY,
        email_hash TEXT NOT NULL UNIQUE,
        email TEXT,
        lang TEXT,
        consent_version TEXT,
        submitted_at INTEGER,
        confirmed_at INTEGER,
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
        last_mail_at INTEGER NOT NULL,
        mail_nonce TEXT
      )`,
      `CREATE TABLE IF NOT EXISTS confirm_tokens (
        token_hash TEXT PRIMARY KEY,
        email_hash TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      )`,
      // Mails waiting to be sent. A row goes when its mail is accepted, refused for good, past
      // its link's 48 hours, or when its subscriber leaves (email_hash says whose it is).
      `CREATE TABLE IF NOT EXISTS outbox (
        id INTEGER PRIMARY KEY,
        email_hash TEXT NOT NULL,
        message TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        leased_until INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      )`,
      `CREATE TABLE IF NOT EXISTS rate_limits (
        key TEXT PRIMARY KEY,
        window_start INTEGER NOT NULL,
        count INTEGER NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    name: 'notices mailed to subscribers: sends, deliveries, refusals, sender lock',
    statements: [
      // One row per notice ever mailed: its audience was fixed when it started; the counts
      // are kept once it is finished, and its deliveries deleted.
      `CREATE TABLE IF NOT EXISTS notice_sends (
        slug TEXT PRIMARY KEY,
        run TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        sent INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0
      )`,
      // What makes a send exactly once: a (notice, subscriber) row, marked sent as soon as the
      // mail server accepts the mail. Only while the notice is being sent; leaving deletes them.
      `CREATE TABLE IF NOT EXISTS deliveries (
        notice TEXT NOT NULL,
        subscriber_id INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        sent_at INTEGER,
        last_error TEXT,
        PRIMARY KEY (notice, subscriber_id)
      )`,
      // Permanent refusals (5xx) of an address by its mail server; at 3 it is no longer mailed.
      `CREATE TABLE IF NOT EXISTS refusals (
        subscriber_id INTEGER PRIMARY KEY,
        count INTEGER NOT NULL,
        last_at INTEGER NOT NULL
      )`,
      // One sender at a time: a lease, renewed while it runs.
      `CREATE TABLE IF NOT EXISTS send_locks (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      )`,
    ],
  },
  {
    version: 3,
    name: 'signups received, settled after the answer',
    statements: [
      // A signup as it came, with its mail composed: written the same way whatever the
      // address's state (so the answer's timing tells nothing), settled into subscribers,
      // tokens and outbox right after the answer, in one transaction that deletes the row.
      `CREATE TABLE IF NOT EXISTS received_signups (
        id INTEGER PRIMARY KEY,
        email_hash TEXT NOT NULL,
        email TEXT NOT NULL,
        lang TEXT NOT NULL,
        consent_version TEXT NOT NULL,
        token_hash TEXT NOT NULL,
        message TEXT NOT NULL,
        received_at INTEGER NOT NULL
      )`,
    ],
  },
  {
    version: 4,
    name: 'accessibility reports',
    statements: [
      // Exactly what the privacy page lists: the text, the page, the language, the date, and
      // the address only when given with consent for an answer. No network address.
      `CREATE TABLE IF NOT EXISTS accessibility_reports (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        page TEXT,
        lang TEXT NOT NULL,
        email TEXT,
        created_at INTEGER NOT NULL
      )`,
    ],
  },
  {
    version: 5,
    name: 'one receipt to the staff per notice',
    statements: [
      // Written in the transaction that finishes the notice and queues its receipt: a notice
      // finished once has one row, so the staff get one receipt whatever crashes or runs twice.
      `CREATE TABLE IF NOT EXISTS notice_receipts (
        slug TEXT PRIMARY KEY,
        made_by TEXT NOT NULL,
        made_at INTEGER NOT NULL,
        mailed INTEGER NOT NULL
      )`,
    ],
  },
  {
    version: 6,
    name: 'no working link stored: confirmation mails queued with raw tokens go',
    statements: [
      // Mails are now stored with marks where their tokens go, filled in at sending. Those
      // queued before held working links (to confirm, to leave): they go, and their
      // subscribers, still pending, may sign up again at once. Signups received but not yet
      // settled (a server stopped between the answer and the settling) go too, for the same
      // reason: their readers get no mail and may sign up again.
      `UPDATE subscribers SET last_mail_at = 0
       WHERE status = 'pending' AND email_hash IN (SELECT email_hash FROM outbox
         WHERE email_hash NOT LIKE 'report:%' AND email_hash NOT LIKE 'receipt:%')`,
      `DELETE FROM outbox WHERE email_hash NOT LIKE 'report:%' AND email_hash NOT LIKE 'receipt:%'`,
      'DELETE FROM received_signups',
    ],
  },
];

export async function migrate(db: Client): Promise<void> {
  await db.execute(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const applied = new Set(
    (await db.execute('SELECT version FROM schema_migrations')).rows.map((r) =>
      Number(r['version']),
    ),
  );
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    await db.batch(
      [
        ...migration.statements,
        {
          sql: 'INSERT OR IGNORE INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
          args: [migration.version, migration.name, Date.now()],
        },
      ],
      'write',
    );
  }
}
