import { describe, expect, it } from 'vitest';
import {
  checkServerEnv,
  ConfigError,
  parseConfig,
  portFrom,
  senderDomain,
  sendRateFrom,
  serverOrigin,
} from '../../src/server/core/settings';

const secret = 's'.repeat(32);

/** The one line a bad setting gives, or 'ok'. */
function problem(env: Record<string, string>): string {
  try {
    checkServerEnv(env);
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}

describe('settings checked when the server starts', () => {
  it('takes no settings at all, and the usual ones', () => {
    expect(problem({})).toBe('ok');
    expect(
      problem({
        PORT: '8080',
        DATABASE_URL: 'libsql://db.example.turso.io',
        NEWSLETTER_SECRET: secret,
        SMTP_URL: 'smtps://u:p@smtp.example.org',
        MAIL_FROM: 'Polo <n@example.org>',
        NEWSLETTER_RATE_LIMIT: '20',
        NEWSLETTER_SEND_RATE: '600',
        SITE_URL: 'https://polo.example.org/',
        TRUST_PROXY: 'true',
      }),
    ).toBe('ok');
    for (const url of [
      'file:x.db',
      'https://db.example',
      'http://127.0.0.1:8080',
      'wss://db.example',
      'ws://db.example',
    ]) {
      expect(
        parseConfig({
          DATABASE_URL: url,
          NEWSLETTER_SECRET: secret,
          SMTP_URL: 'smtp://x',
          MAIL_FROM: 'a@b.c',
        }).databaseUrl,
      ).toBe(url);
    }
  });

  it('takes one staff address for accessibility reports, or none', () => {
    expect(parseConfig({}).staffEmail).toBeUndefined();
    expect(parseConfig({ STAFF_EMAIL: ' ' }).staffEmail).toBeUndefined();
    expect(parseConfig({ STAFF_EMAIL: 'Staff@Example.org' }).staffEmail).toBe('Staff@Example.org');
    for (const wrong of ['staff', 'a@b.org, c@d.org', 'staff@localhost']) {
      expect(problem({ STAFF_EMAIL: wrong })).toMatch(/^STAFF_EMAIL must be one e-mail address/);
    }
  });

  it.each([
    [
      { SMTP_URL: 'smtp://127.0.0.1:2525' },
      /^MAIL_FROM .* when SMTP_URL is set, e\.g\. MAIL_FROM=/,
    ],
    [
      { DATABASE_URL: 'postgres://db.example/x' },
      /^DATABASE_URL must start with file:, libsql:\/\//,
    ],
    [{ DATABASE_URL: '.data/newsletter.db' }, /^DATABASE_URL must start with/],
    [{ NEWSLETTER_SECRET: 'short' }, /^NEWSLETTER_SECRET is 5 characters long: write 32 or more/],
    [
      { PORT: 'http' },
      /^PORT must be a whole number from 1 to 65535, e\.g\. PORT=4321, not "http"$/,
    ],
    [{ PORT: '70000' }, /^PORT must be a whole number from 1 to 65535/],
    [
      { NEWSLETTER_RATE_LIMIT: 'ten' },
      /^NEWSLETTER_RATE_LIMIT must be a whole number of at least 1, e\.g\./,
    ],
    [{ NEWSLETTER_RATE_LIMIT: '2.5' }, /^NEWSLETTER_RATE_LIMIT must be a whole number/],
    [{ NEWSLETTER_SEND_RATE: '100/min' }, /^NEWSLETTER_SEND_RATE must be a whole number/],
    [{ SITE_URL: 'polo.example.org' }, /^SITE_URL must be an absolute http\(s\) address, e\.g\./],
    [{ SITE_URL: 'ftp://polo.example.org' }, /^SITE_URL must be an absolute http\(s\) address/],
    [{ TRUST_PROXY: 'yes' }, /^TRUST_PROXY must be true or false/],
  ])('%o => one line naming the variable', (env, message) => {
    const line = problem(env);
    expect(line).toMatch(message);
    expect(line).not.toContain('\n');
  });

  it('never repeats a secret in its message', () => {
    const token = 'p4ssw0rd-in-the-url';
    expect(problem({ DATABASE_URL: `postgres://u:${token}@db` })).not.toContain(token);
    expect(problem({ NEWSLETTER_SECRET: token })).not.toContain(token);
  });

  it('reads numbers and blanks as unset', () => {
    expect(portFrom({})).toBe(4321);
    expect(portFrom({ PORT: ' 8080 ' })).toBe(8080);
    expect(portFrom({ PORT: '' })).toBe(4321);
    expect(sendRateFrom({ NEWSLETTER_SEND_RATE: '' })).toBeUndefined();
    expect(parseConfig({ NEWSLETTER_RATE_LIMIT: 3 }).rateLimit).toBe(3);
    expect(parseConfig({ SITE_URL: 'https://polo.example.org//' }).siteUrl).toBe(
      'https://polo.example.org',
    );
  });
});

describe('where links in mails lead', () => {
  it.each([
    ['127.0.0.1', 4321, 'http://127.0.0.1:4321'],
    ['0.0.0.0', 8080, 'http://127.0.0.1:8080'],
    ['::', 8080, 'http://localhost:8080'],
    ['[::]', 80, 'http://localhost:80'],
    ['::1', 4321, 'http://[::1]:4321'],
    ['polo.local', 4321, 'http://polo.local:4321'],
  ])('a server on %s port %d is opened at %s', (host, port, origin) => {
    expect(serverOrigin(host, port)).toBe(origin);
  });

  const place = { builtFor: 'https://polo-siracusa.it', servedAt: 'http://127.0.0.1:4321' };

  it('to SITE_URL when it is set, else to the server that sends the mail', () => {
    expect(parseConfig({ SITE_URL: 'https://polo.example.org' }, place).siteUrl).toBe(
      'https://polo.example.org',
    );
    expect(parseConfig({}, place).siteUrl).toBe('http://127.0.0.1:4321');
    // A command run apart from a server (send-notices) uses the address the site was built for.
    expect(parseConfig({}, { builtFor: place.builtFor }).siteUrl).toBe(place.builtFor);
  });

  it('while sender and Message-IDs keep the site’s domain, or MAIL_FROM’s', () => {
    const local = parseConfig({}, place);
    expect(local.mailDomain).toBe('polo-siracusa.it');
    expect(local.mailFrom).toMatch(/@polo-siracusa\.it>$/);
    expect(parseConfig({ SITE_URL: 'https://polo.example.org' }, place).mailDomain).toBe(
      'polo.example.org',
    );
    expect(parseConfig({ MAIL_FROM: 'Polo <avvisi@Mail.Example.org>' }, place).mailDomain).toBe(
      'mail.example.org',
    );
  });

  it('reads the domain of a sender written either way', () => {
    expect(senderDomain('newsletter@example.org')).toBe('example.org');
    expect(senderDomain('"Polo, Siracusa" <n@example.org>')).toBe('example.org');
    expect(senderDomain('Polo')).toBeUndefined();
    expect(problem({ MAIL_FROM: 'Polo' })).toMatch(/^MAIL_FROM must be an address/);
  });
});
