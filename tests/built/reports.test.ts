/**
 * Accessibility reports through the built server and a real libSQL file: stored and mailed
 * to STAFF_EMAIL (as .eml in the outbox, with no SMTP server), bad input refused with nothing
 * stored, a plain form answered with pages, the operators' command.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/locales';
import { maxReportBodyBytes, maxReportLength } from '../../src/server/reports/validate';
import { uiString } from '../support/ui-strings';
import { cli, count, reportsCli, startSite, startSmtp, type Site } from './harness';

const staff = 'staff@example.org';
let site: Site;
beforeAll(async () => {
  site = await startSite({ STAFF_EMAIL: staff, NEWSLETTER_RATE_LIMIT: '50' });
});
afterAll(() => site?.stop());

const endpoint = () => `${site.url}/api/accessibility/report`;
const outbox = () => join(String(site.env['DATA_DIR']), 'outbox');
const mailFiles = () => {
  try {
    return readdirSync(outbox()).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
};
const stored = () => count(site, 'SELECT COUNT(*) FROM accessibility_reports');

/** A report as a script would send it. */
const report = (fields: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(endpoint(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify({ lang: 'it', report: 'The menu does not open.', ...fields }),
  });

/** A report as a plain HTML form sends it (no JavaScript). */
const formReport = (body: string) =>
  fetch(endpoint(), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
    body,
  });

/** The .eml files that arrive after `before`, once there are `n`, parsed. */
async function newMails(before: string[], n: number) {
  for (let i = 0; i < 100; i++) {
    const fresh = mailFiles().filter((name) => !before.includes(name));
    if (fresh.length >= n)
      return Promise.all(fresh.map((name) => simpleParser(readFileSync(join(outbox(), name)))));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${n} new mail(s) in the outbox`);
}

describe('a report', () => {
  it('is stored with only what the privacy page lists, and mailed to the staff', async () => {
    const before = mailFiles();
    const text = 'Il pulsante “Stampa” non si legge con il lettore di schermo.\nSeconda riga.';
    const answer = await report({
      report: text,
      page: '/ar/orari/',
      email: 'amina@example.org',
      consent: 'yes',
      lang: 'ar',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.json()).toMatchObject({ ok: true, next: '/ar/accessibilita/grazie/' });

    // What the privacy page lists, and nothing else: no network address, no fingerprint.
    const columns = (await site.db.execute('PRAGMA table_info(accessibility_reports)')).rows;
    expect(columns.map((c) => c['name'])).toEqual([
      'id',
      'text',
      'page',
      'lang',
      'email',
      'created_at',
    ]);
    const rows = (
      await site.db.execute('SELECT text, page, lang, email, created_at FROM accessibility_reports')
    ).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.['text']).toBe(text);
    expect(rows[0]?.['page']).toBe('/ar/orari/');
    expect(rows[0]?.['lang']).toBe('ar');
    expect(rows[0]?.['email']).toBe('amina@example.org');
    expect(Math.abs(Number(rows[0]?.['created_at']) - Date.now())).toBeLessThan(60 * 60_000);

    const [mail] = await newMails(before, 1);
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe(staff);
    expect(mail?.replyTo && 'text' in mail.replyTo ? mail.replyTo.text : '').toBe(
      'amina@example.org',
    );
    expect(mail?.text).toContain(text);
    expect(mail?.text).toContain(`${site.url}/ar/orari/`);
    expect(mail?.headers.has('list-unsubscribe')).toBe(false);
    // Sent, it leaves the outbox table: the report alone stays.
    await expect
      .poll(() => count(site, "SELECT COUNT(*) FROM outbox WHERE email_hash LIKE 'report:%'"))
      .toBe(0);
  });

  it('keeps no address given without consent: it is refused', async () => {
    const before = await stored();
    const answer = await report({ email: 'amina@example.org' });
    expect(answer.status).toBe(422);
    expect(await answer.json()).toMatchObject({
      ok: false,
      problem: 'missing-answer-consent',
      message: uiString('it', 'report.problem.missing-answer-consent'),
    });
    expect(await stored()).toBe(before);
  });

  it.each([
    ['an empty problem', { report: '  ' }, {}, 400, 'missing-report'],
    ['a problem too long', { report: 'x'.repeat(2001) }, {}, 400, 'report-too-long'],
    ['a bad address', { email: 'amina@', consent: 'yes' }, {}, 400, 'invalid-email'],
    [
      'an address in group syntax',
      { email: 'grp:victim@example.org;', consent: 'yes' },
      {},
      400,
      'address-only',
    ],
    [
      'an address with an ESC',
      { email: 'vic\u001btim@example.org', consent: 'yes' },
      {},
      400,
      'hidden-characters',
    ],
    ['a report sent as true', { report: true }, {}, 400, 'bad-body'],
    ['a report sent as a number', { report: 42 }, {}, 400, 'bad-body'],
    ['a page of another site', { page: 'https://example.org/it/' }, {}, 400, 'not-a-site-page'],
    ['a post from another site', {}, { Origin: 'https://evil.example' }, 403, 'cross-site'],
    ['a cross-site fetch', {}, { 'Sec-Fetch-Site': 'cross-site' }, 403, 'cross-site'],
    ['a text body', {}, { 'Content-Type': 'text/plain' }, 415, 'unsupported-type'],
    [
      'a body over the size limit',
      { padding: 'x'.repeat(maxReportBodyBytes) },
      {},
      413,
      'too-large',
    ],
  ])('refuses %s and stores nothing', async (_name, fields, headers, status, problem) => {
    const before = [await stored(), mailFiles().length];
    const answer = await report(fields, headers);
    expect(answer.status).toBe(status);
    expect(await answer.json()).toMatchObject({ ok: false, problem });
    expect([await stored(), mailFiles().length]).toEqual(before);
  });

  it('names the limit in characters to a script, in the reader’s language', async () => {
    for (const [text, problem] of [
      ['x'.repeat(maxReportLength + 1), 'report-too-long'],
      ['x'.repeat(maxReportBodyBytes), 'too-large'],
    ]) {
      // A body over the limit is not read whole: its language is the page's it came from.
      const answer = await report(
        { report: text ?? '', lang: 'so' },
        { Referer: `${site.url}/so/accessibilita/` },
      );
      expect(await answer.json()).toMatchObject({
        problem,
        message: uiString('so', 'report.problem.report-too-long').replace(
          '{max}',
          String(maxReportLength),
        ),
      });
    }
  });

  it('answers a plain form with the thank-you page in the reader language', async () => {
    const answer = await formReport('report=Testo+troppo+piccolo&page=&email=&lang=ar&website=');
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/ar/accessibilita/grazie/');
    const page = await fetch(`${site.url}/ar/accessibilita/grazie/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain(uiString('ar', 'report.sent.title'));
    expect(html).toContain('href="https://form.agid.gov.it/"');
    expect(html).toContain('name="robots" content="noindex"');
    const sitemap = await (await fetch(`${site.url}/sitemap-0.xml`)).text();
    expect(sitemap).not.toContain('/accessibilita/grazie/');
  });

  it('gives a plain form back with what to fix and what was typed', async () => {
    const before = await stored();
    const answer = await formReport(
      'report=Il+menu+%3Cb%3Enon%3C%2Fb%3E+si+apre&page=%2Far%2Forari%2F&email=amina%40example.org&lang=ar',
    );
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain(uiString('ar', 'report.problem.missing-answer-consent'));
    // Typed text comes back escaped, never as markup.
    expect(html).toMatch(/Il menu &lt;b(?:>|&gt;)non&lt;\/b(?:>|&gt;) si apre<\/textarea>/);
    expect(html).toMatch(/name="email"[^>]*value="amina@example.org"/);
    expect(html).toMatch(/id="report-consent"[^>]*aria-invalid="true"/);
    expect(await stored()).toBe(before);
  });

  it('takes a filled honeypot as a bot: the usual answer, nothing stored', async () => {
    const before = [await stored(), mailFiles().length];
    const answer = await report({ website: 'https://spam.example' });
    expect(answer.status).toBe(200);
    expect([await stored(), mailFiles().length]).toEqual(before);
  });
});

/**
 * A report of `length` characters in `lang`'s own script: the letters of its interface's
 * intro, repeated, a line break every 80 (a browser sends CR LF and counts one).
 */
function reportIn(lang: string, length = maxReportLength): string {
  const letters = [...uiString(lang, 'report.intro')].filter((c) => /[\p{L}\p{M}]/u.test(c));
  return Array.from({ length }, (_, i) => (i % 80 === 79 ? '\r\n' : letters[i % letters.length]))
    .join('')
    .trim();
}

/** The body a browser posts for the report form, fields in the form's order. */
const formBody = (lang: string, report: string) =>
  new URLSearchParams({
    lang,
    report,
    page: `/${lang}/orari/`,
    email: 'amina.abdullahi@example.org',
    consent: 'yes',
    website: '',
  }).toString();

describe('a report as long as the form allows', () => {
  it.each(locales.map((l) => l.code))(
    'is accepted in %s, with an address, from a plain form',
    async (lang) => {
      const report = reportIn(lang);
      const answer = await formReport(formBody(lang, report));
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe(`/${lang}/accessibilita/grazie/`);
      const row = await site.db.execute(
        'SELECT text FROM accessibility_reports ORDER BY id DESC LIMIT 1',
      );
      // Stored as typed, line breaks as one character each, as the form counted them.
      expect(row.rows[0]?.['text']).toBe(report.replace(/\r\n/g, '\n'));
    },
  );

  it('takes the longest script with room to spare: 2,000 Tamil letters and an address', () => {
    const body = formBody('ta', 'த'.repeat(maxReportLength));
    expect(Buffer.byteLength(body)).toBeGreaterThan(18_000);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(maxReportBodyBytes);
  });

  it.each([
    ['over the form limit', 'ta', maxReportLength * 2],
    ['over what the server keeps of any request', 'si', 40_000],
  ])(
    'gives a report %s back as the form, in its language, with the text kept',
    async (_name, lang, length) => {
      const before = await stored();
      const report = reportIn(lang, length);
      const answer = await formReport(formBody(lang, report));
      expect(answer.status).toBe(413);
      const html = await answer.text();
      expect(html).toContain(`<html lang="${lang}"`);
      expect(html).toContain(
        uiString(lang, 'report.problem.report-too-long').replace('{max}', String(maxReportLength)),
      );
      expect(html).toMatch(/id="report-report"[^>]*aria-invalid="true"/);
      // The start of the text comes back, whole letters only: the reader cuts, nothing retyped.
      const typed = /<textarea[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1] ?? '';
      expect(typed.length).toBeGreaterThan(maxReportLength);
      expect(report.replace(/\r\n/g, '\n').startsWith(typed.replace(/\r?\n$/, ''))).toBe(true);
      expect(await stored()).toBe(before);
    },
  );
});

describe('too many reports from one client', () => {
  let limited: Site;
  beforeAll(async () => {
    limited = await startSite({ NEWSLETTER_RATE_LIMIT: '2' });
  });
  afterAll(() => limited?.stop());

  it('answers 429 after the limit and stores no more; the log says reports are not mailed', async () => {
    const send = () =>
      fetch(`${limited.url}/api/accessibility/report`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ lang: 'fr', report: 'Le menu ne s’ouvre pas.' }),
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const third = await send();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await third.json()).toMatchObject({ problem: 'too-many-requests' });
    expect(await count(limited, 'SELECT COUNT(*) FROM accessibility_reports')).toBe(2);
    // No STAFF_EMAIL: stored, not mailed, and the start said so.
    expect(await count(limited, 'SELECT COUNT(*) FROM outbox')).toBe(0);
    expect(limited.logs()).toContain('STAFF_EMAIL is not set');
  });

  it('lists, exports and purges the reports from the command line', async () => {
    const listed = await reportsCli(limited, 'list');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('Le menu ne s’ouvre pas.');
    const reports = JSON.parse(
      (await reportsCli(limited, 'export', '--format', 'json')).stdout,
    ) as {
      id: number;
    }[];
    expect(reports).toHaveLength(2);
    const csv = (await reportsCli(limited, 'export')).stdout;
    expect(csv.split('\n')[0]).toBe('id,created_at,lang,page,email,text');
    expect(csv).toContain('Le menu ne s’ouvre pas.');

    // A report written to attack the staff's terminal and spreadsheet.
    const hostile =
      '=HYPERLINK("https://evil.example")\u001b[2J\u001b]0;owned\u0007\u009b31m\u202Edone';
    // As the form stores it (only a NUL is refused in a report), with an address of old.
    await limited.db.execute({
      sql: "INSERT INTO accessibility_reports (text, lang, email, created_at) VALUES (?, 'it', ?, ?)",
      args: [hostile, 'old\u001b[8m@example.org', Date.now()],
    });
    const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;
    for (const args of [
      ['list'],
      ['list', '--format', 'json'],
      ['export'],
      ['export', '--format', 'json'],
    ]) {
      const { stdout } = await reportsCli(limited, ...args);
      expect(stdout, args.join(' ')).toContain('evil.example');
      expect(stdout, args.join(' ')).not.toMatch(controls);
    }
    expect((await reportsCli(limited, 'list')).stdout).toContain(
      '\\u{1b}[2J\\u{1b}]0;owned\\u{7}\\u{9b}31m\\u{202e}done',
    );
    const exported = (await reportsCli(limited, 'export', '--format', 'json')).stdout;
    expect((JSON.parse(exported) as { text: string }[]).map((r) => r.text)).toContain(hostile);
    expect((await reportsCli(limited, 'export')).stdout).toContain(`"'=HYPERLINK(`);
    await limited.db.execute("DELETE FROM accessibility_reports WHERE text LIKE '=HYPERLINK%'");

    const byId = await reportsCli(limited, 'purge', '--id', String(reports[0]?.id));
    expect(byId.stdout).toContain('Deleted 1');
    // Nothing is a year old yet; everything is older than 0 days.
    expect((await reportsCli(limited, 'purge')).stdout).toContain('Deleted 0');
    expect((await reportsCli(limited, 'purge', '--older-than', '0')).stdout).toContain('Deleted 1');
    expect(await count(limited, 'SELECT COUNT(*) FROM accessibility_reports')).toBe(0);

    const wrong = await reportsCli(limited, 'purge', '--id', 'x');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--id must be a whole number');
  });
});

describe('a report the mail server refuses for the staff (5xx)', () => {
  it('is logged with the reason and no address, kept, counted, and sent once the server takes it', async () => {
    const refusing = await startSmtp(undefined, { refuse: true });
    const refused = await startSite({
      STAFF_EMAIL: staff,
      SMTP_URL: `smtp://127.0.0.1:${refusing.port}`,
      MAIL_FROM: 'Polo <polo@test.invalid>',
    });
    try {
      const answer = await fetch(`${refused.url}/api/accessibility/report`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ lang: 'so', report: 'Liiska ma furmayo.' }),
      });
      expect(answer.status).toBe(200);
      await expect.poll(() => refused.logs(), { timeout: 10_000 }).toContain('[mail] a mail to');
      const line =
        refused
          .logs()
          .split('\n')
          .find((l) => l.startsWith('[mail]')) ?? '';
      expect(line).toMatch(/not sent \(refused 550\b.*\), try 1: tried again in 1 min/);
      expect(refused.logs()).not.toContain(staff);
      // Kept for a later try, as any failure, and counted for the operators.
      expect(
        await count(refused, "SELECT COUNT(*) FROM outbox WHERE email_hash LIKE 'report:%'"),
      ).toBe(1);
      const stats = JSON.parse((await cli(refused, 'stats')).stdout) as {
        outbox: { staffRefused: number };
      };
      expect(stats.outbox.staffRefused).toBe(1);

      // The mail server takes it now (the staff's address was put right): the next send does.
      await refusing.stop();
      const taking = await startSmtp(refusing.port);
      try {
        const sent = await cli(refused, 'send', '--all');
        expect(sent.status).toBe(0);
        const [mail] = await taking.mailsTo(staff);
        expect(mail?.text).toContain('Liiska ma furmayo.');
        expect(await count(refused, 'SELECT COUNT(*) FROM outbox')).toBe(0);
      } finally {
        await taking.stop();
      }
    } finally {
      await refused.stop();
    }
  });
});
