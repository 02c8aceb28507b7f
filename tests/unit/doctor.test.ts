/**
 * `npm run doctor`: green on a good set-up (a local database, a mail server, a build), and on
 * each broken one a line naming the setting or the step to take, with a non-zero exit.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/core/db';
import { freePort, startSmtp, type Mailbox } from '../built/harness';

const dir = mkdtempSync(join(tmpdir(), 'polo-doctor-'));
const build = join(dir, 'dist');
let smtp: Mailbox;
let good: Record<string, string>;

function head(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** A build as `npm run build` leaves it, as far as the doctor looks, from `commit`. */
function fakeBuild(folder: string, commit: string | null) {
  mkdirSync(join(folder, 'client'), { recursive: true });
  mkdirSync(join(folder, 'server'), { recursive: true });
  writeFileSync(join(folder, 'client/_headers'), '/*\n');
  writeFileSync(join(folder, 'server/entry.mjs'), '');
  writeFileSync(
    join(folder, 'build-info.json'),
    JSON.stringify({ commit, changed: false, builtAt: new Date().toISOString() }),
  );
}

function doctor(env: Record<string, string>) {
  return new Promise<{ status: number | null; lines: string[] }>((done) => {
    const child = spawn(process.execPath, [resolve('src/cli/doctor.ts')], {
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (status) => done({ status, lines: out.trim().split('\n') }));
  });
}

const failures = (lines: string[]) => lines.filter((line) => !line.startsWith('ok '));

beforeAll(async () => {
  smtp = await startSmtp();
  fakeBuild(build, head());
  const url = `file:${join(dir, 'data/newsletter.db')}`;
  (await openDatabase(url)).close();
  good = {
    DATA_DIR: join(dir, 'data'),
    DATABASE_URL: url,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    MAIL_FROM: 'Polo <polo@test.invalid>',
    POLO_OUT_DIR: build,
  };
});
afterAll(async () => {
  await smtp?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run doctor', () => {
  it('says ok for each check on a good set-up, and sends no mail', async () => {
    const { status, lines } = await doctor(good);
    expect(failures(lines)).toEqual([]);
    expect(lines.map((line) => line.split(':')[0])).toEqual([
      'ok   settings',
      'ok   database',
      'ok   mail',
      'ok   build',
      'ok   jobs',
    ]);
    expect(status).toBe(0);
    expect(smtp.mails).toHaveLength(0);
  });

  it.each([
    [
      'a mail server that is not there',
      async () => ({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}` }),
      /SMTP_URL/,
    ],
    [
      'a database that does not answer',
      async () => ({
        DATABASE_URL: `http://127.0.0.1:${await freePort()}`,
        NEWSLETTER_SECRET: 'a'.repeat(40),
      }),
      /DATABASE_URL/,
    ],
    ['no build', () => Promise.resolve({ POLO_OUT_DIR: join(dir, 'nothing') }), /npm run build/],
    [
      'a setting that is wrong',
      () => Promise.resolve({ NEWSLETTER_RATE_LIMIT: 'many' }),
      /NEWSLETTER_RATE_LIMIT/,
    ],
  ])('names the setting or the step for %s', async (_, broken, named) => {
    const { status, lines } = await doctor({ ...good, ...(await broken()) });
    expect(status).not.toBe(0);
    expect(failures(lines)).toHaveLength(1);
    expect(failures(lines)[0]).toMatch(named);
  });

  it('shows control characters of a setting as escapes, never sending them to the terminal', async () => {
    const { status, lines } = await doctor({
      ...good,
      NEWSLETTER_RATE_LIMIT: '\u001b]0;owned\u0007\u001b[2J',
    });
    expect(status).not.toBe(0);
    const output = lines.join('\n');
    expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(failures(lines)[0]).toContain('\\u{1b}]0;owned\\u{7}\\u{1b}[2J');
  });

  it('counts the mails to the staff the mail server refuses, with the reason and no address', async () => {
    const url = `file:${join(dir, 'data/refused.db')}`;
    const db = await openDatabase(url);
    const now = Date.now();
    await db.execute({
      sql: `INSERT INTO outbox (email_hash, message, created_at, expires_at, attempts, next_attempt_at, last_error)
            VALUES ('report:1', '{}', ?, ?, 2, ?, 'refused 550 5.1.1 (EENVELOPE)')`,
      args: [now, now + 86_400_000, now + 3_600_000],
    });
    db.close();
    const { status, lines } = await doctor({ ...good, DATABASE_URL: url });
    expect(status).toBe(1);
    expect(failures(lines)).toEqual([
      expect.stringMatching(
        /^FAIL jobs: 1 mail\(s\) to the staff refused by the mail server \(refused 550 5\.1\.1 \(EENVELOPE\)\): check STAFF_EMAIL/,
      ),
    ]);
  });

  it.runIf(head() !== null)('asks for a new build when the working tree moved on', async () => {
    const old = join(dir, 'old');
    fakeBuild(old, '0'.repeat(40));
    const { status, lines } = await doctor({ ...good, POLO_OUT_DIR: old });
    expect(status).toBe(1);
    expect(failures(lines)).toEqual([expect.stringMatching(/^FAIL build: .*npm run build/)]);
  });
});
