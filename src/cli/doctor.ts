/**
 * `npm run doctor`: whether this machine can run the site, checked the way the server and the
 * commands would use it, changing nothing and sending nothing. One line per check: `ok …` when
 * it holds, `FAIL …` naming the setting or the step to take when not; exit code 1 on any FAIL.
 *
 *   settings   every setting the server and the commands read
 *   database   answers; its migrations are this code's; PRAGMA integrity_check (a local file)
 *   mail       the mail server connects, greets and takes the login (SMTP_URL); no mail sent
 *   build      the site is built in POLO_OUT_DIR, from the commit the working tree is at
 *   jobs       what waits: outbox, signups to settle, notices being sent, suppressed addresses
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import nodemailer from 'nodemailer';
import { runCli, UsageError } from './run-cli.ts';
import { buildInfoFile, type BuildInfo } from '../lib/build-info.ts';
import { text } from '../server/core/db.ts';
import { migrations } from '../server/core/migrations.ts';
import { parseSettings, type ParsedSettings } from '../server/core/settings.ts';
import { staffMailRefused } from '../server/mail/transport.ts';
import { refusalsBeforeSuppression } from '../server/newsletter/store.ts';
import { readEnv, SettingsError } from '../settings/settings.ts';

const usage = 'Usage: npm run doctor';

/** A check's outcome: one line; `ok` false names what to do. */
interface Outcome {
  ok: boolean;
  line: string;
}
const ok = (check: string, detail: string): Outcome => ({ ok: true, line: `${check}: ${detail}` });
const fail = (check: string, detail: string): Outcome => ({
  ok: false,
  line: `${check}: ${detail}`,
});

/** How long a remote database or mail server gets to answer. */
const answerMs = 10_000;

/** An error in a few words, the secrets of `settings` (addresses with passwords) cut out. */
function told(error: unknown, settings: ParsedSettings): string {
  const secrets = [
    settings.databaseUrl,
    settings.databaseAuthToken,
    settings.smtpUrl,
    settings.secret,
  ];
  let message = error instanceof Error ? error.message : String(error);
  // 'fetch failed' says little; its cause says why (ECONNREFUSED, ENOTFOUND…).
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) message += ` (${cause.message})`;
  for (const secret of secrets) if (secret) message = message.split(secret).join('…');
  return message.split('\n')[0]?.slice(0, 200) ?? '';
}

function withinTime<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what}: no answer in ${answerMs / 1000} s`)),
        answerMs,
      ).unref(),
    ),
  ]);
}

/** The path of a `file:` database address, e.g. 'file:.data/newsletter.db' => '.data/newsletter.db'. */
function localPath(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  return url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
}

/** Whether this user may create `path`: its nearest existing folder is writable. */
function creatable(path: string): boolean {
  let dir = dirname(resolve(path));
  while (!existsSync(dir)) dir = dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

async function checkDatabase(
  settings: ParsedSettings,
): Promise<{ outcomes: Outcome[]; db?: Client }> {
  const path = localPath(settings.databaseUrl);
  if (path !== undefined && !existsSync(path)) {
    return {
      outcomes: [
        creatable(path)
          ? ok('database', `${path} is not made yet: the server makes it at its first signup`)
          : fail(
              'database',
              `DATABASE_URL: ${path} cannot be made by this user; name a writable folder`,
            ),
      ],
    };
  }
  const db = createClient({
    url: settings.databaseUrl,
    ...(settings.databaseAuthToken ? { authToken: settings.databaseAuthToken } : {}),
  });
  try {
    await withinTime(db.execute('SELECT 1'), 'the database');
  } catch (error) {
    db.close();
    const token = path === undefined ? ' and DATABASE_AUTH_TOKEN' : '';
    return {
      outcomes: [
        fail(
          'database',
          `DATABASE_URL${token}: the database does not answer: ${told(error, settings)}`,
        ),
      ],
    };
  }
  const outcomes: Outcome[] = [];
  const tables = await tableNames(db);
  const known = migrations.map((m) => m.version);
  const applied = tables.has('schema_migrations')
    ? (await db.execute('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) =>
        Number(r['version']),
      )
    : [];
  const missing = known.filter((v) => !applied.includes(v));
  const unknown = applied.filter((v) => !known.includes(v));
  if (unknown.length > 0) {
    outcomes.push(
      fail(
        'database',
        `migration ${unknown.join(', ')} of a newer version of the site: deploy that version here (git pull, npm ci, npm run build)`,
      ),
    );
  } else if (missing.length > 0 && applied.length > 0) {
    outcomes.push(
      fail(
        'database',
        `migration ${missing.join(', ')} not applied: restart the server (npm start applies them)`,
      ),
    );
  }
  if (path !== undefined) {
    const result = (await db.execute('PRAGMA integrity_check')).rows.map((r) => text(r[0]));
    if (result[0] !== 'ok') {
      outcomes.push(
        fail(
          'database',
          `integrity_check: ${result[0] ?? 'no answer'}: stop the server and restore the last backup (npm run newsletter -- restore FILE)`,
        ),
      );
    }
  }
  if (outcomes.length === 0) {
    const where = path ?? 'remote libSQL';
    const state =
      applied.length === 0
        ? 'no tables yet (made at the first signup)'
        : `migrations ${applied.join(', ')}`;
    outcomes.push(
      ok('database', `${where} answers; ${state}${path ? '; integrity_check ok' : ''}`),
    );
  }
  return { outcomes, db };
}

async function tableNames(db: Client): Promise<Set<string>> {
  const rows = (await db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows;
  return new Set(rows.map((r) => text(r['name'])));
}

async function checkMail(settings: ParsedSettings): Promise<Outcome> {
  if (!settings.smtpUrl) {
    return ok('mail', `no SMTP_URL: mails are written to files in ${settings.outboxDir}`);
  }
  let server = 'the mail server';
  try {
    const url = new URL(settings.smtpUrl);
    server = `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`;
  } catch {
    // Nodemailer tells what is wrong with the address below.
  }
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    connectionTimeout: answerMs,
    greetingTimeout: answerMs,
    socketTimeout: answerMs,
  });
  try {
    await transport.verify();
    return ok(
      'mail',
      `${server} greets${settings.smtpUrl.includes('@') ? ' and takes the login' : ''}; nothing sent`,
    );
  } catch (error) {
    return fail('mail', `SMTP_URL: ${server}: ${told(error, settings)}`);
  } finally {
    transport.close();
  }
}

/** The commit the working tree is at, or undefined without git. */
function headCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

function checkBuild(settings: ParsedSettings): Outcome {
  const outDir = resolve(settings.outDir);
  const shown = relative(process.cwd(), outDir) || '.';
  const parts = ['client/_headers', 'server/entry.mjs', buildInfoFile];
  const absent = parts.filter((part) => !existsSync(resolve(outDir, part)));
  if (absent.length > 0) {
    return fail(
      'build',
      `no complete build in ${shown}/ (${absent.join(', ')} missing): run npm run build`,
    );
  }
  const info = JSON.parse(readFileSync(resolve(outDir, buildInfoFile), 'utf8')) as BuildInfo;
  const head = headCommit();
  const built = info.commit?.slice(0, 12) ?? 'outside git';
  if (head && info.commit !== head) {
    return fail(
      'build',
      `${shown}/ was built from ${built}, the working tree is at ${head.slice(0, 12)}: run npm run build, then restart the server`,
    );
  }
  const changes = info.changed ? ' with changes not committed' : '';
  return ok(
    'build',
    `${shown}/ built ${info.builtAt} from ${built}${changes}${head ? ', the working tree’s commit' : ''}`,
  );
}

async function checkJobs(db: Client): Promise<Outcome> {
  const tables = await tableNames(db);
  const count = async (table: string, sql: string): Promise<number | undefined> =>
    tables.has(table) ? Number((await db.execute(sql)).rows[0]?.[0] ?? 0) : undefined;
  const hourAgo = Date.now() - 60 * 60_000;
  const outbox = await count('outbox', 'SELECT COUNT(*) FROM outbox');
  const failing = await count('outbox', 'SELECT COUNT(*) FROM outbox WHERE attempts > 0');
  const stale = await count(
    'outbox',
    `SELECT COUNT(*) FROM outbox WHERE next_attempt_at < ${hourAgo}`,
  );
  const staffRefused = await count(
    'outbox',
    `SELECT COUNT(*) FROM outbox WHERE ${staffMailRefused}`,
  );
  const unsettled = await count('received_signups', 'SELECT COUNT(*) FROM received_signups');
  const sending = await count(
    'notice_sends',
    'SELECT COUNT(*) FROM notice_sends WHERE finished_at IS NULL',
  );
  const left = await count('deliveries', "SELECT COUNT(*) FROM deliveries WHERE state = 'pending'");
  const suppressed = await count(
    'refusals',
    `SELECT COUNT(*) FROM refusals WHERE count >= ${refusalsBeforeSuppression}`,
  );
  const parts = [
    outbox !== undefined && `${outbox} mail(s) in the outbox (${failing} after a failed try)`,
    unsettled !== undefined && `${unsettled} signup(s) to settle`,
    sending !== undefined && `${sending} notice(s) being sent (${left} mail(s) left)`,
    suppressed !== undefined && `${suppressed} address(es) no longer mailed (refused)`,
  ].filter(Boolean);
  if (staffRefused) {
    const last = await db.execute(
      `SELECT last_error FROM outbox WHERE ${staffMailRefused} ORDER BY id DESC LIMIT 1`,
    );
    return fail(
      'jobs',
      `${staffRefused} mail(s) to the staff refused by the mail server (${text(last.rows[0]?.[0])}): check STAFF_EMAIL and the mail server; they are tried again until sent or 30 days old`,
    );
  }
  if (stale) {
    return fail(
      'jobs',
      `${stale} mail(s) in the outbox due for over an hour: is the server running? npm run newsletter -- send sends them`,
    );
  }
  return ok('jobs', parts.length > 0 ? parts.join('; ') : 'no tables yet');
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help')) return void console.log(usage);
  if (argv.length > 0) throw new UsageError(`unexpected argument "${argv[0]}"`);
  const outcomes: Outcome[] = [];
  const tell = (outcome: Outcome) => {
    outcomes.push(outcome);
    console.log(`${outcome.ok ? 'ok  ' : 'FAIL'} ${outcome.line}`);
  };
  let settings: ParsedSettings;
  try {
    // Everything `npm start` and `npm run newsletter` read.
    settings = parseSettings({ ...readEnv('server'), ...readEnv('commands') });
    tell(ok('settings', 'every setting is valid'));
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    tell(fail('settings', error.message));
    process.exitCode = 1;
    return;
  }
  const { outcomes: database, db } = await checkDatabase(settings);
  database.forEach(tell);
  tell(await checkMail(settings));
  tell(checkBuild(settings));
  if (db) {
    tell(await checkJobs(db));
    db.close();
  }
  if (outcomes.some((o) => !o.ok)) process.exitCode = 1;
}

runCli('doctor', usage, main);
