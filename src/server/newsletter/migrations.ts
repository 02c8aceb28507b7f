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
