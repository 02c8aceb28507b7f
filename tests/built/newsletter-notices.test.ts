/**
 * Notices mailed to subscribers (`npm run newsletter -- send-notices`, and `npm start`'s jobs
 * by themselves): a build of fixture notices (tests/fixtures/notices-mail), a real libSQL
 * file, the built site for the links to leave, and SMTP servers in this process that refuse
 * some addresses.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/core/migrations';
import { confirm, subscribe, unsubscribe } from '../../src/server/newsletter/store';
import { emailHash, tokenFiller } from '../../src/server/newsletter/tokens';
import { runAstro, withFixture, type AstroRun } from '../content/content-copy';
import { uiString } from '../support/ui-strings';
import { freePort, mailTo, signup, startSite, startSmtp, type Site } from './harness';

type Db = ReturnType<typeof createClient>;

/** An SMTP server that answers 550 to `refused…` addresses and 451 once to `greylisted…`. */
async function startMailbox() {
  const mails: ParsedMail[] = [];
  const attempts = new Map<string, number>();
  const box = {
    mails,
    attempts,
    /** Called with each mail received, before the server answers that it is accepted. */
    onMail: undefined as ((count: number) => void) | undefined,
    port: await freePort(),
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo({ address }, _session, callback) {
      const tried = (attempts.get(address) ?? 0) + 1;
      attempts.set(address, tried);
      if (address.startsWith('refused'))
        return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      if (address.startsWith('greylisted') && tried === 1)
        return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      return callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          box.onMail?.(mails.length);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((done) => server.listen(box.port, '127.0.0.1', done));
  return box;
}
type Mailbox = Awaited<ReturnType<typeof startMailbox>>;

const to = (mail: ParsedMail) => (mail.to && 'text' in mail.to ? mail.to.text : '');
const notices = ['chiusura-prova-a', 'servizio-prova-b', 'orari-prova-c', 'avviso-prova-d'];
/** The notice a mail is about, from the link to its page. */
const noticeOf = (mail: ParsedMail) => mail.text?.match(/\/avvisi\/([\w-]+)\//)?.[1] ?? '';

let build: AstroRun;
let site: Site;
let smtp: Mailbox;

/** The command, against `db` and `mailbox`; `started` gets the process, e.g. to kill it. */
function sendNotices(
  args: string[],
  options: {
    env?: Record<string, string>;
    started?: (child: ReturnType<typeof spawn>) => void;
  } = {},
) {
  return new Promise<{
    status: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((done) => {
    const child = spawn(
      process.execPath,
      [resolve('src/cli/newsletter.ts'), 'send-notices', ...args],
      {
        env: {
          ...process.env,
          ...site.env,
          SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
          MAIL_FROM: 'Polo <polo@test.invalid>',
          POLO_OUT_DIR: join(build.dir, 'dist'),
          ...options.env,
        },
      },
    );
    options.started?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status, signal) => done({ status, signal, stdout, stderr }));
  });
}

/** A subscriber through the store's own steps: signed up, and confirmed unless `pending`. */
async function subscriber(db: Db, email: string, lang: string, pending = false) {
  let token = '';
  await subscribe(
    db,
    site.env['NEWSLETTER_SECRET'] ?? '',
    { email, lang },
    (links) => {
      token = links.confirm;
      return { to: email, subject: '', text: '', html: '', lang, unsubscribeUrl: '' };
    },
    { confirmUrl: (t) => t, leaveUrls: (t) => ({ leave: t, unsubscribe: t }) },
  );
  // The confirmation mail is not what these tests look at.
  await db.execute('DELETE FROM outbox');
  // The link holds a mark where its token goes, as stored; the sender fills it in.
  const filled = tokenFiller(site.env['NEWSLETTER_SECRET'] ?? '')(token, '');
  if (!pending) expect(await confirm(db, filled)).toBe('confirmed');
}

const good = {
  it: ['ada@example.org', 'bruno@example.org', 'carla@example.org'],
  en: ['dan@example.org'],
  fr: ['elise@example.org', 'fabrice@example.org', 'gaelle@example.org'],
  ar: ['hamid@example.org', 'ines@example.org', 'jamal@example.org'],
};

beforeAll(async () => {
  build = runAstro('build', withFixture('tests/fixtures/notices-mail'));
  expect(build.ok, build.output).toBe(true);
  smtp = await startMailbox();
  site = await startSite({
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    MAIL_FROM: 'Polo <polo@test.invalid>',
  });
  for (const [lang, emails] of Object.entries(good))
    for (const email of emails) await subscriber(site.db, email, lang);
  await subscriber(site.db, 'refused@example.org', 'fr');
  await subscriber(site.db, 'greylisted@example.org', 'ar');
  await subscriber(site.db, 'pending@example.org', 'it', true);
  await subscriber(site.db, 'left@example.org', 'it');
  await unsubscribe(site.db, emailHash(site.env['NEWSLETTER_SECRET'] ?? '', 'left@example.org'));
}, 180_000);

afterAll(async () => {
  await site?.stop();
  await smtp?.stop();
  if (build) rmSync(build.dir, { recursive: true, force: true });
});

describe('send-notices', () => {
  it('--dry-run says how many would get each notice, by language, and sends nothing', async () => {
    const run = await sendNotices(['--dry-run']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'chiusura-prova-a (new): 12 subscriber(s): it 3, en 1, fr 4, ar 4',
    );
    expect(run.stdout).toContain('Dry run: 48 mail(s) would go.');
    // Only notices marked `newsletter: true`.
    expect(run.stdout).not.toContain('interno-prova-e');
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails).toHaveLength(0);
    expect((await site.db.execute('SELECT COUNT(*) FROM deliveries')).rows[0]?.[0]).toBe(0);
  });

  it('--preview writes one mail to a file, in Arabic with the Italian text marked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polo-preview-'));
    const file = join(dir, 'preview.eml');
    const run = await sendNotices(['--preview', 'servizio-prova-b', '--lang', 'ar', '--out', file]);
    expect(run.status, run.stderr).toBe(0);
    const mail = await simpleParser(readFileSync(file));
    rmSync(dir, { recursive: true });
    expect(mail.subject).toBe('Nuovo servizio di prova');
    expect(mail.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(mail.html).toContain('<div lang="it" dir="ltr">');
    expect(mail.text).toContain(uiString('ar', 'mail.notice.fallback'));
    expect(smtp.mails).toHaveLength(0);
  });

  it('names a wrong argument or setting in one line', async () => {
    const noLang = await sendNotices(['--preview', 'servizio-prova-b']);
    expect(noLang.status).toBe(2);
    expect(noLang.stderr).toContain('--preview needs --lang');
    const badRate = await sendNotices([], { env: { NEWSLETTER_SEND_RATE: 'fast' } });
    expect(badRate.status).toBe(2);
    expect(badRate.stderr.trim()).toBe(
      'newsletter: NEWSLETTER_SEND_RATE must be a whole number of at least 1, e.g. NEWSLETTER_SEND_RATE=600, not "fast"',
    );
    const noBuild = await sendNotices([], { env: { POLO_OUT_DIR: join(build.dir, 'nothing') } });
    expect(noBuild.status).toBe(2);
    expect(noBuild.stderr).toContain('run `npm run build` first');
  });

  it('killed half-way and run again, mails each subscriber each notice once, with at most one duplicate', async () => {
    const killed = await sendNotices([], {
      started(child) {
        smtp.onMail = (count) => {
          // The server has the mail; the sender dies before it hears that it was accepted.
          if (count === 15) child.kill('SIGKILL');
        };
      },
    });
    smtp.onMail = undefined;
    expect(killed.signal).toBe('SIGKILL');
    expect(smtp.mails.length).toBe(15);

    const rerun = await sendNotices([]);
    // The greylisted address waits for its retry: something is left, so the exit says so.
    expect(rerun.stdout).toContain('1 left for a retry');
    expect(rerun.status).toBe(1);

    const pairs = new Map<string, number>();
    for (const mail of smtp.mails) {
      const pair = `${to(mail)} ${noticeOf(mail)}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
    for (const email of Object.values(good).flat())
      for (const notice of notices)
        expect(pairs.get(`${email} ${notice}`), email).toBeGreaterThan(0);
    const duplicates = [...pairs.values()].reduce((sum, n) => sum + n - 1, 0);
    expect(duplicates).toBeLessThanOrEqual(1);
    // The mail in flight when the sender was killed is the only one that can go twice.
    expect(smtp.mails.length).toBe(40 + 3 + duplicates);

    // Someone who left, or never confirmed, gets nothing.
    expect(smtp.attempts.get('left@example.org')).toBeUndefined();
    expect(smtp.attempts.get('pending@example.org')).toBeUndefined();
  });

  it('stops mailing an address refused for good 3 times, and stats shows it', async () => {
    // Refused for the first three notices; the fourth is not even tried.
    expect(smtp.attempts.get('refused@example.org')).toBe(3);
    const stats = await runCli('stats');
    expect((JSON.parse(stats) as { suppressed: number }).suppressed).toBe(1);
  });

  it('tries a temporary refusal again on a later run', async () => {
    expect(smtp.mails.filter((m) => to(m) === 'greylisted@example.org').length).toBe(3);
    // Its retry is due (as after the minute of waiting).
    await site.db.execute("UPDATE deliveries SET next_attempt_at = 0 WHERE state = 'pending'");
    const run = await sendNotices([]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Sent 1,');
    expect(
      smtp.mails
        .filter((m) => to(m) === 'greylisted@example.org')
        .map(noticeOf)
        .sort(),
    ).toEqual([...notices].sort());
  });

  it('sends nothing on a third run, and nothing to those who subscribed after', async () => {
    await subscriber(site.db, 'late@example.org', 'it');
    const before = smtp.mails.length;
    const run = await sendNotices([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Sent 0, skipped 0');
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.length).toBe(before);
    // Each finished notice keeps its counts, not who got it.
    expect((await site.db.execute('SELECT COUNT(*) FROM deliveries')).rows[0]?.[0]).toBe(0);
    const stats = JSON.parse(await runCli('stats')) as { notices: unknown[] };
    expect(stats.notices).toContainEqual(
      expect.objectContaining({
        slug: 'avviso-prova-d',
        sent: 11,
        failed: 0,
        skipped: 1,
        pending: 0,
      }),
    );
  });

  it('speaks each subscriber’s language, or gives the Italian with a line in theirs', () => {
    const mail = (email: string, notice: string) => {
      const found = smtp.mails.find((m) => to(m) === email && noticeOf(m) === notice);
      if (!found) throw new Error(`no ${notice} to ${email}`);
      return found;
    };
    const french = mail('elise@example.org', 'chiusura-prova-a');
    expect(french.subject).toBe('Fermeture de test pour les fêtes');
    expect(french.html).toMatch(/<html lang="fr" dir="ltr">/);
    expect(french.text).toContain('24 décembre 2099');
    expect(french.text).toContain(`${site.url}/fr/avvisi/chiusura-prova-a/`);
    expect(french.text).not.toContain(uiString('fr', 'mail.notice.fallback'));

    const untranslated = mail('elise@example.org', 'servizio-prova-b');
    expect(untranslated.subject).toBe('Nuovo servizio di prova');
    expect(untranslated.text).toContain(uiString('fr', 'mail.notice.fallback'));
    expect(untranslated.html).toContain('<div lang="it" dir="ltr">');
    expect(untranslated.text).toContain(`${site.url}/fr/avvisi/servizio-prova-b/`);

    const arabic = mail('hamid@example.org', 'chiusura-prova-a');
    expect(arabic.subject).toBe('إغلاق تجريبي بمناسبة الأعياد');
    expect(arabic.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(arabic.headers.get('content-language')).toBe('ar');
    // Italian names read with an Italian voice, the full stop outside; the text part isolates
    // them (it is right to left), never with the full stop.
    expect(arabic.html).toContain('<bdi lang="it">Comune dei Popoli</bdi>.');
    expect(arabic.html).toContain(`<bdi lang="it">${uiString('it', 'site.name')}</bdi>`);
    expect(arabic.text).toContain('\u2068Comune dei Popoli\u2069.');
    expect(arabic.text).not.toMatch(/[.,،]\u2069/);
    // The Italian text of an untranslated notice is Italian already: nothing to mark.
    const arabicFallback = mail('hamid@example.org', 'servizio-prova-b');
    expect(
      /<div lang="it" dir="ltr">[\s\S]*?<\/div>/.exec(arabicFallback.html || '')?.[0],
    ).not.toContain('<bdi');

    const italian = mail('ada@example.org', 'chiusura-prova-a');
    expect(italian.subject).toBe('Chiusura di prova per le feste');
    expect(italian.text).toContain('Polo chiuso dal 24 dicembre 2099 al 7 gennaio 2100');
    // The body's own link, made absolute; the list written out in the text part.
    expect(italian.html).toContain(`href="${site.url}/it/orari/"`);
    expect(italian.text).toContain(
      `- Controlla gli orari (${site.url}/it/orari/) prima di venire.`,
    );
  });

  it('says when words in it were translated automatically, and only then', () => {
    const fixture = (lang: string, notice: string) =>
      join('tests/fixtures/notices-mail/notices', lang, `${notice}.md`);
    const subscribers = smtp.mails.filter((m) =>
      m.headerLines.some((h) => h.key === 'list-unsubscribe'),
    );
    expect(subscribers.length).toBeGreaterThan(0);
    for (const mail of subscribers) {
      const lang =
        mail.headerLines
          .find((h) => h.key === 'content-language')
          ?.line.split(':')[1]
          ?.trim() ?? '';
      const notice = noticeOf(mail);
      // The notice's own status, in its fixture; an untranslated one goes in Italian, the source.
      const status = existsSync(fixture(lang, notice))
        ? /^translation: (\w+)$/m.exec(readFileSync(fixture(lang, notice), 'utf8'))?.[1]
        : 'source';
      const machine = uiString(lang, 'translation') === 'machine' || status === 'machine';
      expect(mail.text?.includes(uiString(lang, 'mail.machine')), `${lang} ${notice}`).toBe(
        machine,
      );
      // The notice's page and the page to leave are in the subscriber's language.
      expect(mail.text).toContain(`${site.url}/${lang}/avvisi/${notice}/`);
      expect(mail.text).toContain(`${site.url}/${lang}/newsletter/unsubscribe/?token=`);
    }
  });

  it('is a list mail providers accept: headers, both parts, small HTML', () => {
    const raw = (mail: ParsedMail, name: string) =>
      mail.headerLines
        .find((h) => h.key === name)
        ?.line.slice(name.length + 1)
        .trim() ?? '';
    const mails = smtp.mails.filter((m) => noticeOf(m) === 'chiusura-prova-a');
    for (const mail of mails) {
      // On the sender's domain (MAIL_FROM), never 'localhost'.
      expect(mail.messageId).toMatch(/@test\.invalid>$/);
      expect(raw(mail, 'list-id')).toBe('Polo Sociale Integrato di Siracusa <avvisi.127.0.0.1>');
      expect(raw(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(mail.text).toContain('Polo Sociale Integrato di Siracusa');
      expect(Buffer.byteLength(mail.html || '')).toBeLessThanOrEqual(20_000);
    }
    // One link to leave per subscriber.
    const links = new Set(mails.map((m) => raw(m, 'list-unsubscribe')));
    expect(links.size).toBe(new Set(mails.map(to)).size);
  });

  it('lets a subscriber leave with one click from a notice mail', async () => {
    const mail = smtp.mails.find((m) => to(m) === 'fabrice@example.org');
    const header = mail?.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    const target = header.match(/<([^>]+)>/)?.[1] ?? '';
    // The visible link opens the page with the button, in the subscriber's language.
    const visible = (mail?.html || '').match(
      /href="([^"]*\/fr\/newsletter\/unsubscribe\/[^"]*)"/,
    )?.[1];
    expect(visible).toBeDefined();
    expect((await fetch(visible ?? '')).status).toBe(200);
    const oneClick = await fetch(target, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    const row = (
      await site.db.execute({
        sql: 'SELECT status, email FROM subscribers WHERE email_hash = ?',
        args: [emailHash(site.env['NEWSLETTER_SECRET'] ?? '', 'fabrice@example.org')],
      })
    ).rows[0];
    expect(row?.['status']).toBe('unsubscribed');
    expect(row?.['email']).toBeNull();
  });
});

describe('two senders started at once', () => {
  it('do not both send: one holds the lock, every mail goes once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polo-senders-'));
    const url = `file:${join(dir, 'newsletter.db')}`;
    const db = createClient({ url });
    await db.execute('PRAGMA busy_timeout = 10000');
    await migrate(db);
    for (let i = 0; i < 20; i++) await subscriber(db, `pair${i}@example.org`, 'it');
    const before = smtp.mails.length;
    // Paced, so that the first is still sending when the second starts.
    const env = { DATABASE_URL: url, NEWSLETTER_SEND_RATE: '3000' };
    const runs = await Promise.all([sendNotices([], { env }), sendNotices([], { env })]);
    db.close();
    rmSync(dir, { recursive: true, force: true });
    const said = runs.map((r) => r.stderr).join('\n');
    expect(runs.map((r) => r.status).sort(), said).toEqual([0, 75]);
    expect(runs.find((r) => r.status === 75)?.stderr).toContain('another sender is running');
    const mails = smtp.mails.slice(before);
    expect(mails).toHaveLength(80);
    expect(new Set(mails.map((m) => `${to(m)} ${noticeOf(m)}`)).size).toBe(80);
  });
});

function runCli(...args: string[]) {
  return new Promise<string>((done) => {
    const child = spawn(process.execPath, [resolve('src/cli/newsletter.ts'), ...args], {
      env: { ...process.env, ...site.env },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('close', () => done(stdout));
  });
}

describe('npm start, by itself (JOBS_INTERVAL_SECONDS)', () => {
  const staff = 'redazione@example.org';
  const readers = {
    it: ['tina@example.org', 'ugo@example.org'],
    fr: ['vera@example.org', 'willy@example.org'],
    ar: ['yasmin@example.org', 'zaid@example.org'],
  };
  let dir = '';
  let served: Site | undefined;
  /** The test's SMTP server, stopped after it. */
  let box: { stop(): Promise<void> } | undefined;

  /** A fresh database with `readers` confirmed, before any server sees it. */
  async function databaseWithReaders(): Promise<string> {
    dir = mkdtempSync(join(tmpdir(), 'polo-jobs-'));
    const url = `file:${join(dir, 'newsletter.db')}`;
    const db = createClient({ url });
    await db.execute('PRAGMA busy_timeout = 10000');
    await migrate(db);
    for (const [lang, emails] of Object.entries(readers))
      for (const email of emails) await subscriber(db, email, lang);
    db.close();
    return url;
  }

  /** The fixture build served by the project's server code, as `npm start` serves `dist/`. */
  function serveFixture(env: Record<string, string>) {
    cpSync('src', join(build.dir, 'src'), { recursive: true });
    return startSite(env, { root: build.dir });
  }

  const waitUntil = async (what: string, done: () => boolean | Promise<boolean>) => {
    const until = Date.now() + 30_000;
    while (!(await done())) {
      if (Date.now() > until) throw new Error(`still waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  afterEach(async () => {
    await served?.stop();
    await box?.stop();
    served = undefined;
    box = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('mails every notice to every subscriber once, in their language, and one receipt per notice to the staff', async () => {
    const mailbox = await startMailbox();
    box = mailbox;
    served = await serveFixture({
      ...mailTo(mailbox),
      DATABASE_URL: await databaseWithReaders(),
      STAFF_EMAIL: staff,
      JOBS_INTERVAL_SECONDS: '1',
    });
    const everyone = Object.values(readers).flat();
    await waitUntil(
      'the notices and their receipts',
      () => mailbox.mails.length >= everyone.length * notices.length + notices.length,
    );
    // A few more runs (one a second): nothing more goes.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(mailbox.mails).toHaveLength(everyone.length * notices.length + notices.length);

    for (const [lang, emails] of Object.entries(readers)) {
      for (const email of emails) {
        const got = mailbox.mails.filter((m) => to(m) === email);
        expect(got.map(noticeOf).sort(), email).toEqual([...notices].sort());
        for (const mail of got) expect(mail.headers.get('content-language')).toBe(lang);
      }
    }
    const receipts = mailbox.mails.filter((m) => to(m) === staff);
    expect(receipts).toHaveLength(notices.length);
    const closure = receipts.find((m) => m.text?.includes('/it/avvisi/chiusura-prova-a/'));
    expect(closure?.subject).toBe('Avviso inviato agli iscritti: Chiusura di prova per le feste');
    expect(closure?.text).toContain('a 6 iscritti');
    for (const count of ['italiano: 2', 'francese: 2', 'arabo: 2'])
      expect(closure?.text).toContain(count);
    expect(closure?.text).not.toContain('Non arrivate');
    // One line per run that did something, never an address.
    expect(served.logs()).toMatch(
      /\[jobs\] settled 0 · mailed \d+ \(0 failed\) · notices \d+ sent/,
    );
    expect(served.logs()).not.toContain('@example.org');
  });

  it('sends a confirmation that failed while the mail server was down once it is back, with no other post', async () => {
    const port = await freePort();
    served = await serveFixture({ ...mailTo({ port }), JOBS_INTERVAL_SECONDS: '1' });
    const site = served;
    expect((await signup(site, { email: 'late-mail@example.org' })).status).toBe(200);
    const tried = () =>
      site.db
        .execute('SELECT attempts FROM outbox')
        .then((r) => Number(r.rows[0]?.['attempts'] ?? 0) > 0);
    await waitUntil('the first try to fail', tried);
    const smtp = await startSmtp(port);
    box = smtp;
    // Its retry is due (as after the minute of waiting); only the timer can send it now.
    await site.db.execute('UPDATE outbox SET next_attempt_at = 0');
    const mails = await smtp.mailsTo('late-mail@example.org', 1, 30_000);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('/newsletter/confirm/?token=');
    // And it leaves the outbox, as the server learns it was accepted.
    await waitUntil('the outbox to empty', () =>
      site.db
        .execute('SELECT COUNT(*) AS n FROM outbox')
        .then((r) => Number(r.rows[0]?.['n']) === 0),
    );
    expect(await smtp.mailsTo('late-mail@example.org')).toHaveLength(1);
  });

  it('JOBS_INTERVAL_SECONDS=0: the timer sends nothing', async () => {
    const mailbox = await startMailbox();
    box = mailbox;
    served = await serveFixture({
      ...mailTo(mailbox),
      DATABASE_URL: await databaseWithReaders(),
      STAFF_EMAIL: staff,
      JOBS_INTERVAL_SECONDS: '0',
    });
    await new Promise((r) => setTimeout(r, 3_000));
    expect(mailbox.mails).toHaveLength(0);
    expect(served.logs()).not.toContain('[jobs]');
    const started = await served.db.execute('SELECT COUNT(*) AS n FROM notice_sends');
    expect(Number(started.rows[0]?.['n'])).toBe(0);
  });
});
