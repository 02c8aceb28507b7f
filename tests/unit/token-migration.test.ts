/**
 * The upgrade to mails stored without their tokens: a database written before it loses the
 * confirmation mails and received signups that held working links, keeps the staff's mails,
 * and lets the subscribers whose mail went sign up again at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, migrations } from '../../src/server/core/migrations';

let dir: string;
let db: Client;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'polo-migration-'));
  db = createClient({ url: `file:${join(dir, 'old.db')}` });
  // The schema as it was before version 6.
  await db.execute(
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  for (const migration of migrations.filter((m) => m.version < 6)) {
    await db.batch([
      ...migration.statements,
      {
        sql: 'INSERT INTO schema_migrations VALUES (?, ?, 0)',
        args: [migration.version, migration.name],
      },
    ]);
  }
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = async (sql: string) => (await db.execute(sql)).rows;

it('drops the stored links, keeps the staff’s mails, and lets the pending sign up again', async () => {
  const now = Date.now();
  const link = 'https://polo.example/it/newsletter/confirm/?token=q3vVq3vVq3vVq3vVq3vVq3';
  await db.batch([
    {
      sql: `INSERT INTO subscribers (email_hash, email, lang, status, last_mail_at)
            VALUES ('a1', 'waiting@example.org', 'it', 'pending', ?),
                   ('b2', 'sent@example.org', 'it', 'pending', ?)`,
      args: [now, now],
    },
    {
      sql: `INSERT INTO outbox (email_hash, message, created_at, expires_at, next_attempt_at)
            VALUES ('a1', ?, ?, ?, ?), ('report:1', '{"text":"a report"}', ?, ?, ?),
                   ('receipt:chiusura', '{"text":"a receipt"}', ?, ?, ?)`,
      args: [
        JSON.stringify({ text: link }),
        now,
        now + 1e8,
        now,
        now,
        now + 1e8,
        now,
        now,
        now + 1e8,
        now,
      ],
    },
    {
      sql: `INSERT INTO received_signups (email_hash, email, lang, consent_version, token_hash, message, received_at)
            VALUES ('c3', 'received@example.org', 'it', 'v', 'h', ?, ?)`,
      args: [JSON.stringify({ text: link }), now],
    },
  ]);

  await migrate(db);

  expect(
    (await rows('SELECT email_hash FROM outbox ORDER BY id')).map((r) => r['email_hash']),
  ).toEqual(['report:1', 'receipt:chiusura']);
  expect(await rows('SELECT * FROM received_signups')).toHaveLength(0);
  const subscribers = await rows('SELECT email_hash, last_mail_at FROM subscribers ORDER BY id');
  // Its mail went: it may sign up again now. The other's mail had gone out already.
  expect(subscribers.map((r) => [r['email_hash'], Number(r['last_mail_at'])])).toEqual([
    ['a1', 0],
    ['b2', now],
  ]);
  // Run again (another instance starting): nothing more changes.
  await migrate(db);
  expect(await rows('SELECT * FROM outbox')).toHaveLength(2);
});
