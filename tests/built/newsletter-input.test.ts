/**
 * Every bad input gets a clear 4xx in the subscriber's language and stores nothing; rate
 * limits answer 429; an SMTP outage loses no signup; old unconfirmed signups are purged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/lib/locales';
import { uiString } from '../support/ui-strings';
import {
  cli,
  count,
  freePort,
  mailTo,
  settled,
  signup,
  startSite,
  startSmtp,
  type Site,
} from './harness';
import { text } from '../../src/server/core/db';

/** What the endpoints answer in JSON. */
type Answer = { ok: boolean; message: string };

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

const stored = async () => {
  await settled(site);
  return `${await count(site, 'SELECT COUNT(*) FROM subscribers')}/${await count(site, 'SELECT COUNT(*) FROM outbox')}`;
};

interface Case {
  name: string;
  status: number;
  problem: string;
  init: RequestInit;
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const form = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
    ...headers,
  },
  body,
});
const ok = { email: 'someone@example.org', consent: 'yes', lang: 'it' };

const cases: Case[] = [
  { name: 'GET', status: 405, problem: 'method-not-allowed', init: { method: 'GET' } },
  { name: 'PUT', status: 405, problem: 'method-not-allowed', init: { ...json(ok), method: 'PUT' } },
  {
    name: 'text/plain body',
    status: 415,
    problem: 'unsupported-type',
    init: { ...json(ok), headers: { 'Content-Type': 'text/plain', Accept: 'application/json' } },
  },
  {
    name: 'multipart body',
    status: 415,
    problem: 'unsupported-type',
    init: {
      ...json(ok),
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', Accept: 'application/json' },
    },
  },
  {
    name: 'body over 4 KB',
    status: 413,
    problem: 'too-large',
    init: json({ ...ok, padding: 'x'.repeat(5000) }),
  },
  { name: 'broken JSON', status: 400, problem: 'bad-body', init: json('{"email": ') },
  {
    name: 'JSON that is not an object',
    status: 400,
    problem: 'bad-body',
    init: json('["someone@example.org"]'),
  },
  {
    name: 'JSON with a number for a field',
    status: 400,
    problem: 'bad-body',
    init: json({ ...ok, email: 42 }),
  },
  { name: 'no address', status: 400, problem: 'invalid-email', init: json({ ...ok, email: '' }) },
  {
    name: 'not an address',
    status: 400,
    problem: 'invalid-email',
    init: json({ ...ok, email: 'someone.example.org' }),
  },
  {
    name: 'address without a domain dot',
    status: 400,
    problem: 'invalid-email',
    init: json({ ...ok, email: 'someone@localhost' }),
  },
  {
    name: 'right-to-left override in the address',
    status: 400,
    problem: 'hidden-characters',
    init: json({ ...ok, email: 'ana\u202Egro.elpmaxe@example.org' }),
  },
  {
    name: 'zero-width space in the address',
    status: 400,
    problem: 'hidden-characters',
    init: form('email=an%E2%80%8Ba%40example.org&consent=yes&lang=it'),
  },
  {
    name: 'ESC in the address, which the mailer strips',
    status: 400,
    problem: 'hidden-characters',
    init: json({ ...ok, email: 'vic\u001btim@example.org' }),
  },
  {
    name: 'a C1 control in the address',
    status: 400,
    problem: 'hidden-characters',
    init: form('email=vic%C2%85tim%40example.org&consent=yes&lang=it'),
  },
  {
    name: 'group syntax, which the mailer sends to the member',
    status: 400,
    problem: 'address-only',
    init: form('email=grp%3Avictim%40example.org%3B&consent=yes&lang=it'),
  },
  {
    name: 'a display name',
    status: 400,
    problem: 'address-only',
    init: json({ ...ok, email: 'Victim <victim@example.org>' }),
  },
  {
    name: 'JSON with true for the address',
    status: 400,
    problem: 'bad-body',
    init: json({ ...ok, email: true }),
  },
  {
    name: 'address over 254 characters',
    status: 400,
    problem: 'email-too-long',
    init: json({
      ...ok,
      email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.org`,
    }),
  },
  {
    name: 'local part over 64 characters',
    status: 400,
    problem: 'email-too-long',
    init: json({ ...ok, email: `${'a'.repeat(65)}@example.org` }),
  },
  {
    name: 'domain label over 63 characters',
    status: 400,
    problem: 'email-too-long',
    init: json({ ...ok, email: `a@${'b'.repeat(64)}.org` }),
  },
  {
    name: 'CR LF in the address (header injection)',
    status: 400,
    problem: 'control-characters',
    init: form('email=a%40example.org%0D%0ABcc%3Avictim%40example.org&consent=yes&lang=it'),
  },
  {
    name: 'NUL in the language',
    status: 400,
    problem: 'control-characters',
    init: form('email=a%40example.org&consent=yes&lang=it%00'),
  },
  {
    name: 'two addresses, comma',
    status: 400,
    problem: 'several-addresses',
    init: json({ ...ok, email: 'a@example.org, b@example.org' }),
  },
  {
    name: 'two addresses, two fields',
    status: 400,
    problem: 'several-addresses',
    init: form('email=a%40example.org&email=b%40example.org&consent=yes&lang=it'),
  },
  {
    name: 'two @',
    status: 400,
    problem: 'several-addresses',
    init: json({ ...ok, email: 'a@b@example.org' }),
  },
  {
    name: 'unknown language',
    status: 400,
    problem: 'unknown-language',
    init: json({ ...ok, lang: 'de' }),
  },
  {
    name: 'no language',
    status: 400,
    problem: 'unknown-language',
    init: form('email=a%40example.org&consent=yes'),
  },
  {
    name: 'no consent',
    status: 422,
    problem: 'missing-consent',
    init: json({ email: 'a@example.org', lang: 'it' }),
  },
  {
    name: 'consent refused',
    status: 422,
    problem: 'missing-consent',
    init: json({ ...ok, consent: 'no' }),
  },
  {
    name: 'post from another site (Origin)',
    status: 403,
    problem: 'cross-site',
    init: json(ok, { Origin: 'https://evil.example' }),
  },
  {
    name: 'post from another site (Sec-Fetch-Site)',
    status: 403,
    problem: 'cross-site',
    init: json(ok, { 'Sec-Fetch-Site': 'cross-site' }),
  },
];

describe('bad input: a clear 4xx and nothing stored', () => {
  it.each(cases)('$name => $status $problem', async ({ status, problem, init }) => {
    const before = await stored();
    const response = await fetch(`${site.url}/api/newsletter/subscribe`, init);
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const answer = (await response.json()) as { ok: boolean; problem: string; message: string };
    expect(answer).toMatchObject({ ok: false, problem });
    expect(answer.message.length).toBeGreaterThan(10);
    expect(await stored()).toBe(before);
  });

  it('speaks the language of the form', async () => {
    const response = await signup(site, { email: 'a@example.org', lang: 'ar', consent: '' });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Answer).message).toBe(
      uiString('ar', 'problem.missing-consent'),
    );
  });

  it('answers a plain form with the signup page again, the problem explained and the address kept', async () => {
    const response = await fetch(`${site.url}/api/newsletter/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=amina%40example&consent=yes&lang=fr',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="fr" dir="ltr"');
    expect(html).toContain(uiString('fr', 'problem.invalid-email'));
    expect(html).toContain('value="amina@example"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('answers a name or group around the address in the reader’s language, the address kept to fix', async () => {
    const response = await fetch(`${site.url}/api/newsletter/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=Amina+%3Camina%40example.org%3E&consent=yes&lang=ar',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain(uiString('ar', 'problem.address-only'));
    expect(html).toContain('value="Amina <amina@example.org>"');
  });

  it('gives back no address with hidden characters, which would only be sent again', async () => {
    const response = await fetch(`${site.url}/api/newsletter/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=amina%E2%80%AE%40example.org&consent=yes&lang=it',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(uiString('it', 'problem.hidden-characters'));
    expect(html).not.toContain('amina');
  });

  it('keeps one row, so one daily mail and one leave, for every spelling of one mailbox', async () => {
    for (const email of ['Victim@Example.org', ' victim@EXAMPLE.ORG ', 'victim@example.org'])
      expect((await signup(site, { email })).status).toBe(200);
    for (const email of ['grp:victim@example.org;', 'vic\u001btim@example.org'])
      expect((await signup(site, { email })).status).toBe(400);
    await settled(site);
    expect(
      await count(site, "SELECT COUNT(*) FROM subscribers WHERE email = 'victim@example.org'"),
    ).toBe(1);
    expect(await count(site, "SELECT COUNT(*) FROM subscribers WHERE email LIKE '%ictim%'")).toBe(
      1,
    );
  });

  it('stores nothing when the honeypot is filled, but answers as usual', async () => {
    const before = await stored();
    const bot = await signup(site, { email: 'bot@example.org', website: 'http://spam.example' });
    const person = await signup(site, { email: 'person@example.org' });
    expect(bot.status).toBe(200);
    expect(await bot.text()).toBe(await person.text());
    await settled(site);
    expect(
      await count(site, "SELECT COUNT(*) FROM subscribers WHERE email = 'bot@example.org'"),
    ).toBe(0);
    expect(await stored()).not.toBe(before);
  });
});

describe('rate limits', () => {
  it('answer 429 after the allowed signups from one client, storing nothing more', async () => {
    const limited = await startSite({ NEWSLETTER_RATE_LIMIT: '3' });
    try {
      for (let i = 0; i < 3; i++)
        expect((await signup(limited, { email: `r${i}@example.org` })).status).toBe(200);
      const refused = await signup(limited, { email: 'r3@example.org', lang: 'fr' });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as Answer).message).toBe(
        uiString('fr', 'problem.too-many-requests'),
      );
      await settled(limited);
      expect(await count(limited, 'SELECT COUNT(*) FROM subscribers')).toBe(3);
      // The limit is kept in the database, by a fingerprint, not by the network address.
      const keys = (await limited.db.execute('SELECT key FROM rate_limits')).rows.map((r) =>
        text(r['key']),
      );
      expect(keys.some((k) => k.includes('127.0.0.1'))).toBe(false);
    } finally {
      await limited.stop();
    }
  });
});

describe('an SMTP outage', () => {
  it('keeps no working link in the database file while the mail waits', async () => {
    const port = await freePort();
    const down = await startSite(mailTo({ port }));
    try {
      expect((await signup(down, { email: 'waiting@example.org', lang: 'ta' })).status).toBe(200);
      for (let i = 0; i < 100 && (await count(down, 'SELECT MAX(attempts) FROM outbox')) < 1; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await count(down, 'SELECT COUNT(*) FROM outbox WHERE attempts >= 1')).toBe(1);
      // The database as someone who took its files would read them, WAL included.
      const file = (down.env['DATABASE_URL'] ?? '').replace(/^file:/, '');
      const folder = dirname(file);
      const bytes = Buffer.concat(
        readdirSync(folder)
          .filter((name) => name.startsWith(basename(file)))
          .map((name) => readFileSync(join(folder, name))),
      ).toString('latin1');

      const smtp = await startSmtp(port);
      try {
        expect((await cli(down, 'send', '--all')).status).toBe(0);
        const [mail] = await smtp.mailsTo('waiting@example.org');
        const confirm = /[?&]token=([\w-]{22})\b/.exec(mail?.text ?? '')?.[1] ?? '';
        const leave =
          /unsubscribe\/?\?token=[0-9a-f]{64}\.([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
        expect(confirm).toMatch(/^[\w-]{22}$/);
        expect(leave.length).toBeGreaterThanOrEqual(16);
        expect(bytes).not.toContain(confirm);
        expect(bytes).not.toContain(leave);
        // The link the mail carries works.
        const confirmed = await fetch(`${down.url}/ta/newsletter/confirm/`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: `token=${confirm}`,
        });
        expect(confirmed.status).toBe(200);
        expect(
          await count(down, "SELECT COUNT(*) FROM subscribers WHERE status = 'confirmed'"),
        ).toBe(1);
      } finally {
        await smtp.stop();
      }
    } finally {
      await down.stop();
    }
  });

  it('loses nothing: the signup is kept and the mail goes once the server is back', async () => {
    const port = await freePort();
    const down = await startSite(mailTo({ port }));
    try {
      expect((await signup(down, { email: 'patient@example.org', lang: 'fr' })).status).toBe(200);
      for (let i = 0; i < 100 && (await count(down, 'SELECT MAX(attempts) FROM outbox')) < 1; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await count(down, 'SELECT COUNT(*) FROM outbox WHERE attempts >= 1')).toBe(1);
      expect(
        await count(down, "SELECT COUNT(*) FROM subscribers WHERE email = 'patient@example.org'"),
      ).toBe(1);
      expect(down.logs()).not.toContain('patient@example.org');

      const smtp = await startSmtp(port);
      try {
        const sent = await cli(down, 'send', '--all');
        expect(sent.status, sent.stderr + sent.stdout).toBe(0);
        const [mail] = await smtp.mailsTo('patient@example.org');
        expect(mail?.subject).toBe(uiString('fr', 'mail.confirm.subject'));
        expect(await count(down, 'SELECT COUNT(*) FROM outbox')).toBe(0);
      } finally {
        await smtp.stop();
      }
    } finally {
      await down.stop();
    }
  });
});

describe('the operators’ command', () => {
  it('purges signups left unconfirmed for 30 days, and only those', async () => {
    await signup(site, { email: 'old@example.org' });
    await signup(site, { email: 'recent@example.org' });
    await settled(site);
    const day = 24 * 60 * 60 * 1000;
    await site.db.execute({
      sql: "UPDATE subscribers SET submitted_at = ? WHERE email = 'old@example.org'",
      args: [Date.now() - 31 * day],
    });
    await site.db.execute({
      sql: "UPDATE subscribers SET submitted_at = ? WHERE email = 'recent@example.org'",
      args: [Date.now() - 29 * day],
    });
    const result = await cli(site, 'purge');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Deleted 1 /);
    expect(
      await count(site, "SELECT COUNT(*) FROM subscribers WHERE email = 'old@example.org'"),
    ).toBe(0);
    expect(
      await count(site, "SELECT COUNT(*) FROM subscribers WHERE email = 'recent@example.org'"),
    ).toBe(1);
  });

  it('exports addresses stored before the check was strict without a control character reaching the terminal', async () => {
    await site.db.execute({
      sql: `INSERT INTO subscribers (email_hash, email, lang, consent_version, submitted_at, confirmed_at, status, last_mail_at)
            VALUES ('old-row', ?, 'it', 'v', 0, 0, 'confirmed', 0)`,
      args: ['=cmd|x\u001b]0;owned\u0007@example.org'],
    });
    try {
      for (const format of ['csv', 'json']) {
        const { stdout } = await cli(site, 'export', '--format', format);
        expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        expect(stdout).toContain('owned');
      }
      expect((await cli(site, 'export')).stdout).toContain("'=cmd|x\\u{1b}]0;owned\\u{7}@");
    } finally {
      await site.db.execute("DELETE FROM subscribers WHERE email_hash = 'old-row'");
    }
  });

  it('reports stats as JSON', async () => {
    const result = await cli(site, 'stats');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      byStatus: { pending: expect.any(Number) as number },
    });
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [[], 'no command given'],
    [['export', '--format', 'xml'], '--format must be csv or json'],
    [['export', '--lang', 'de'], `--lang must be one of ${localeCodes.join(', ')}`],
    [['stats', '--lang', 'it'], '--lang goes with export, or with send-notices --preview'],
    [['stats', '--format', 'json'], '--format goes with export only'],
    [['send', '--dry-run'], '--dry-run, --preview and --out go with send-notices only'],
    [['send-notices', '--lang', 'fr'], '--lang goes with export, or with send-notices --preview'],
    [['export', '--colour'], "Unknown option '--colour'"],
    [['purge', 'now'], 'unexpected argument "now"'],
  ])('refuses %j with a clear message', async (args, message) => {
    const result = await cli(site, ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: npm run newsletter');
  });
});
