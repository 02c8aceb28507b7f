/**
 * `npm run bench:backup` (after `npm run build`): the size and time of
 * `npm run newsletter -- backup` for the database 200 signups leave on the built server (as in
 * tests/built/backup.test.ts), and for one with 10 000 confirmed subscribers.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { backupDatabase } from '../../src/server/core/backup.ts';
import { openDatabase } from '../../src/server/core/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'polo-bench-backup-'));

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function report(what: string, copy: { bytes: number; ms: number }) {
  console.log(`${what}: ${(copy.bytes / 1024).toFixed(0)} KB in ${copy.ms.toFixed(0)} ms`);
}

/** 200 signups at once on the built server, then a backup of its database. */
async function afterSignups() {
  const port = await freePort();
  const url = `file:${join(dir, 'signups.db')}`;
  const child = spawn(process.execPath, [resolve('src/server/http/serve.ts')], {
    env: {
      ...process.env,
      DATA_DIR: join(dir, 'data'),
      DATABASE_URL: url,
      NEWSLETTER_RATE_LIMIT: '100000',
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  while (!(await fetch(`${origin}/it/`).catch(() => undefined))?.ok) {
    await new Promise((r) => setTimeout(r, 100));
  }
  await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      fetch(`${origin}/api/newsletter/subscribe`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ email: `person${i}@example.org`, consent: 'yes', lang: 'it' }),
      }),
    ),
  );
  await new Promise((r) => setTimeout(r, 2000));
  report('200 signups', await backupDatabase(url, join(dir, 'signups-backup.db')));
  child.kill();
}

/** 10 000 confirmed subscribers, as the store writes them. */
async function tenThousand() {
  const url = `file:${join(dir, 'ten-thousand.db')}`;
  const db = await openDatabase(url);
  const now = Date.now();
  const langs = ['it', 'en', 'fr', 'ar', 'si', 'ta', 'so'];
  const rows = Array.from({ length: 10_000 }, (_, i) => ({
    sql: `INSERT INTO subscribers (email_hash, email, lang, consent_version, submitted_at, confirmed_at, status, last_mail_at, mail_nonce)
          VALUES (?, ?, ?, '2025-01', ?, ?, 'confirmed', ?, ?)`,
    args: [
      createHash('sha256').update(String(i)).digest('base64url'),
      `subscriber${i}@example.org`,
      langs[i % langs.length] ?? 'it',
      now,
      now,
      now,
      randomBytes(9).toString('base64url'),
    ],
  }));
  await db.batch(rows, 'write');
  db.close();
  report('10 000 subscribers', await backupDatabase(url, join(dir, 'ten-thousand-backup.db')));
}

try {
  await afterSignups();
  await tenThousand();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
