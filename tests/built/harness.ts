/**
 * Real parts for the newsletter tests: the built Node server on its own port and database
 * file, and an SMTP server inside the test process that parses every mail it receives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { migrate } from '../../src/server/core/migrations';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Mailbox {
  port: number;
  mails: ParsedMail[];
  /** Resolves once `count` mails have arrived (or fails after `ms`). */
  waitFor(count: number, ms?: number): Promise<ParsedMail[]>;
  /** The mails to one address, once there are `count` of them. */
  mailsTo(address: string, count?: number, ms?: number): Promise<ParsedMail[]>;
  stop(): Promise<void>;
}

/** An SMTP server in this process; `refuse` makes it answer 550 to every recipient. */
export async function startSmtp(
  port?: number,
  options: { refuse?: boolean } = {},
): Promise<Mailbox> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!options.refuse) return callback();
      const refusal = Object.assign(new Error('No such mailbox'), { responseCode: 550 });
      return callback(refusal);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  const listenOn = port ?? (await freePort());
  await new Promise<void>((done) => server.listen(listenOn, '127.0.0.1', done));
  return {
    port: listenOn,
    mails,
    async waitFor(count, ms = 10_000) {
      const until = Date.now() + ms;
      while (mails.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} mails, got ${mails.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return mails;
    },
    async mailsTo(address, count = 1, ms = 10_000) {
      const until = Date.now() + ms;
      const to = () => mails.filter((m) => m.to && 'text' in m.to && m.to.text === address);
      while (to().length < count) {
        if (Date.now() > until)
          throw new Error(`expected ${count} mails to ${address}, got ${to().length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return to();
    },
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface Site {
  url: string;
  /** The site's database file, for checking what is stored. */
  db: Client;
  env: Record<string, string>;
  /** Everything the server printed. */
  logs: () => string;
  /** The server process, e.g. to send it a signal. */
  child: ChildProcess;
  stop(): Promise<void>;
}

const secret = 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Starts the built site as `npm start` does (run `npm run build` first), with a fresh database.
 * `localData`: as on a fresh machine, the database and the secret are made in DATA_DIR by the
 * server itself (a first signup makes them before the tests open the database). `root`: the
 * folder whose `src/` and `dist/` are run (a fixture build with the server's code copied in).
 * The scheduled jobs are off unless `env` sets JOBS_INTERVAL_SECONDS, so what a test counts
 * does not depend on the notices of the real content.
 */
export async function startSite(
  env: Record<string, string> = {},
  { localData = false, root = '.' } = {},
): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'polo-newsletter-'));
  const port = await freePort();
  const fullEnv: Record<string, string> = {
    DATA_DIR: join(dir, 'data'),
    DATABASE_URL: `file:${join(localData ? join(dir, 'data') : dir, 'newsletter.db')}`,
    ...(localData ? {} : { NEWSLETTER_SECRET: secret }),
    NEWSLETTER_RATE_LIMIT: '100000',
    SITE_URL: `http://127.0.0.1:${port}`,
    JOBS_INTERVAL_SECONDS: '0',
    // No rebuild of its own, whatever the time (daily-rebuild.test.ts asks for them).
    REBUILD_AT: 'off',
    ...env,
  };
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [resolve(root, 'src/server/http/serve.ts')], {
    cwd: dir,
    env: { ...process.env, ...fullEnv, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/it/`)).ok) break;
    } catch {
      if (i > 100) throw new Error(`server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (localData) {
    const first = await fetch(`${url}/api/newsletter/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email: 'first@example.org', consent: 'yes', lang: 'it' }),
    });
    if (!first.ok) throw new Error(`first signup failed (${first.status}):\n${output}`);
  }
  const db = createClient({ url: String(fullEnv['DATABASE_URL']) });
  // The server writes to the same file: wait for its writes instead of failing.
  await db.execute('PRAGMA busy_timeout = 10000');
  // The site creates its tables on first use; the tests look at them before that.
  await migrate(db);
  return {
    url,
    db,
    env: fullEnv,
    logs: () => output,
    child,
    async stop() {
      db.close();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill();
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the operators' command against a site's database. Asynchronous: the SMTP server of
 * the tests lives in this process and must keep answering meanwhile.
 */
export function cli(site: Site, ...args: string[]) {
  return command('src/cli/newsletter.ts', site, args);
}

/** Runs the operators' command for accessibility reports (`npm run reports`). */
export function reportsCli(site: Site, ...args: string[]) {
  return command('src/cli/reports.ts', site, args);
}

function command(file: string, site: Site, args: string[]) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [resolve(file), ...args], {
      env: { ...process.env, ...site.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** A signup as the page's script sends it. */
export function signup(
  site: Site,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return fetch(`${site.url}/api/newsletter/subscribe`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify({ consent: 'yes', lang: 'it', ...fields }),
  });
}

/** A signup as a plain HTML form sends it (no JavaScript). */
export function formSignup(site: Site, body: string, headers: Record<string, string> = {}) {
  return fetch(`${site.url}/api/newsletter/subscribe`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}

export async function count(site: Site, sql: string): Promise<number> {
  return Number((await site.db.execute(sql)).rows[0]?.[0] ?? 0);
}

/**
 * Waits until every signup the site has answered is settled (its row, token and mail are
 * written right after the answer).
 */
export async function settled(site: Site, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while ((await count(site, 'SELECT COUNT(*) FROM received_signups')) > 0) {
    if (Date.now() > until) throw new Error('signups still waiting to be settled');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Settings that send the site's mail to `mailbox`. */
export function mailTo(mailbox: Pick<Mailbox, 'port'>): Record<string, string> {
  return { SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`, MAIL_FROM: 'Polo <polo@test.invalid>' };
}

/**
 * A site whose mail goes to an SMTP server of the tests, for the whole test file:
 * `const setup = siteWithMailbox();` then `setup.site` and `setup.smtp` inside the tests.
 */
export function siteWithMailbox(hooks: {
  beforeAll: (fn: () => Promise<void>) => void;
  afterAll: (fn: () => Promise<void>) => void;
}) {
  const setup = {} as { site: Site; smtp: Mailbox };
  hooks.beforeAll(async () => {
    setup.smtp = await startSmtp();
    setup.site = await startSite(mailTo(setup.smtp));
  });
  hooks.afterAll(async () => {
    await setup.site?.stop();
    await setup.smtp?.stop();
  });
  return setup;
}

/**
 * The path of a hashed asset under /_astro/, for the tests of its caching rule. Pages carry
 * their scripts and styles inline, so a build may have none: then one is written for the tests.
 */
export function hashedAsset(): string {
  const dir = 'dist/client/_astro';
  mkdirSync(dir, { recursive: true });
  const found = readdirSync(dir).find((f) => /\.(js|css|png|svg)$/.test(f));
  if (found) return `/_astro/${found}`;
  writeFileSync(join(dir, 'test-asset.B1a2C3d4.js'), 'export {};\n');
  return '/_astro/test-asset.B1a2C3d4.js';
}
