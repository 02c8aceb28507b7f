import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendFromEnv } from '../../src/cms/backend';
import { parseSettings, serverOrigin } from '../../src/server/core/settings';
import {
  buildSettings,
  checkSettings,
  namesReadBy,
  readEnv,
  senderDomain,
  settingDoc,
  settingNames,
  SettingsError,
  type SettingsEnv,
} from '../../src/settings/settings';
import {
  settingsOf,
  settingsTable,
  tablePlaces,
  type SettingsTable,
} from '../../src/settings/table';

const secret = 's'.repeat(32);

/** The one line a bad setting gives, or 'ok'. */
function problem(env: SettingsEnv): string {
  try {
    checkSettings(env);
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
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
        parseSettings({
          DATABASE_URL: url,
          NEWSLETTER_SECRET: secret,
          SMTP_URL: 'smtp://x',
          MAIL_FROM: 'a@b.c',
        }).databaseUrl,
      ).toBe(url);
    }
  });

  it('takes one staff address for accessibility reports, or none', () => {
    expect(parseSettings({}).staffEmail).toBeUndefined();
    expect(parseSettings({ STAFF_EMAIL: ' ' }).staffEmail).toBeUndefined();
    expect(parseSettings({ STAFF_EMAIL: 'Staff@Example.org' }).staffEmail).toBe(
      'Staff@Example.org',
    );
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
    expect(parseSettings({}).port).toBe(4321);
    expect(parseSettings({ PORT: ' 8080 ' }).port).toBe(8080);
    expect(parseSettings({ PORT: '' }).port).toBe(4321);
    expect(parseSettings({ NEWSLETTER_SEND_RATE: '' }).sendRate).toBeUndefined();
    expect(parseSettings({ NEWSLETTER_RATE_LIMIT: 3 }).rateLimit).toBe(3);
    expect(parseSettings({ SITE_URL: 'https://polo.example.org//' }).siteUrl).toBe(
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
    expect(parseSettings({ SITE_URL: 'https://polo.example.org' }, place).siteUrl).toBe(
      'https://polo.example.org',
    );
    expect(parseSettings({}, place).siteUrl).toBe('http://127.0.0.1:4321');
    // A command run apart from a server (send-notices) uses the address the site was built for.
    expect(parseSettings({}, { builtFor: place.builtFor }).siteUrl).toBe(place.builtFor);
  });

  it('while sender and Message-IDs keep the site’s domain, or MAIL_FROM’s', () => {
    const local = parseSettings({}, place);
    expect(local.mailDomain).toBe('polo-siracusa.it');
    expect(local.mailFrom).toMatch(/@polo-siracusa\.it>$/);
    expect(parseSettings({ SITE_URL: 'https://polo.example.org' }, place).mailDomain).toBe(
      'polo.example.org',
    );
    expect(parseSettings({ MAIL_FROM: 'Polo <avvisi@Mail.Example.org>' }, place).mailDomain).toBe(
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

describe('NEWSLETTER_SEND_RATE', () => {
  it('is a whole number of mails per minute, or unset', () => {
    expect(parseSettings({}).sendRate).toBeUndefined();
    expect(parseSettings({ NEWSLETTER_SEND_RATE: '600' }).sendRate).toBe(600);
    expect(problem({ NEWSLETTER_SEND_RATE: '0' })).toMatch(/^NEWSLETTER_SEND_RATE/);
    expect(problem({ NEWSLETTER_SEND_RATE: '2.5' })).toMatch(/^NEWSLETTER_SEND_RATE/);
  });
});

describe('TRUST_PROXY', () => {
  it('reads true, false, 1 and 0, in any case', () => {
    expect(parseSettings({}).trustProxy).toBe(false);
    expect(parseSettings({ TRUST_PROXY: 'TRUE' }).trustProxy).toBe(true);
    expect(parseSettings({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(parseSettings({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(parseSettings({ TRUST_PROXY: true }).trustProxy).toBe(true);
  });
});

describe('each part reads the settings it uses', () => {
  const env = { PORT: 'http', NEWSLETTER_SEND_RATE: 'fast', DEPLOY_TARGET: 'x' };
  const from = (name: string) => env[name as keyof typeof env];

  it('so a mistake in another part’s setting never stops the site’s routes or a command', () => {
    expect(() => parseSettings(readEnv('site', from))).not.toThrow();
    expect(() => parseSettings(readEnv('commands', from))).toThrow(/^NEWSLETTER_SEND_RATE/);
    const portOnly = (name: string) => (name === 'PORT' ? 'http' : undefined);
    expect(parseSettings(readEnv('commands', portOnly)).port).toBe(4321);
    // The server checks all it reads before it listens, its commands' settings too.
    expect(() => parseSettings(readEnv('server', from))).toThrow(/^PORT must be/);
    expect(namesReadBy('site')).not.toContain('NEWSLETTER_SEND_RATE');
    expect(namesReadBy('server')).toContain('NEWSLETTER_SEND_RATE');
  });

  it('and the build takes its own, with their defaults', () => {
    expect(buildSettings({})).toEqual({
      site: 'https://polo-siracusa.it',
      netlify: false,
      outDir: 'dist',
      cacheDir: 'node_modules/.astro',
      contentDir: 'content',
      cms: {},
    });
    // Where the editor commits: Netlify's own variables, unless the CMS_ ones say otherwise.
    expect(
      backendFromEnv(
        buildSettings({ REPOSITORY_URL: 'https://github.com/polo/sito', BRANCH: 'prova' }).cms,
      ),
    ).toEqual({ name: 'github', repo: 'polo/sito', branch: 'prova' });
    expect(
      buildSettings({ DEPLOY_TARGET: 'netlify', SITE_URL: 'https://polo.example.org/' }),
    ).toMatchObject({ site: 'https://polo.example.org', netlify: true });
    expect(() => buildSettings({ SITE_URL: 'polo.example.org' })).toThrow(SettingsError);
    expect(namesReadBy('build')).toEqual([
      'SITE_URL',
      'DEPLOY_TARGET',
      'POLO_OUT_DIR',
      'POLO_CACHE_DIR',
      'POLO_CONTENT_DIR',
      'CMS_REPO',
      'CMS_BRANCH',
      'CMS_BACKEND',
      'CMS_AUTH_URL',
      'REPOSITORY_URL',
      'BRANCH',
    ]);
  });
});

describe('the declaration', () => {
  it('describes every setting in one line', () => {
    for (const name of settingNames) {
      const { description, unset } = settingDoc(name);
      expect(description, name).toMatch(/^\S.*\S$/);
      for (const text of [description, unset ?? '']) expect(text, name).not.toMatch(/[|\n]/);
    }
  });

  /** Values no checked setting takes. */
  const mistakes = ['x y', 'nope', '-1', '0', '2.5', 'ftp://x', 'a@b'];
  /** A sender, so that SMTP_URL alone is no mistake. */
  const base = { MAIL_FROM: 'Polo <n@example.org>' };

  it('turns a wrong value into one line naming the variable, never repeating a secret', () => {
    const freeText: string[] = [];
    for (const name of settingNames) {
      const lines = mistakes
        .map((value) => [value, problem({ ...base, [name]: value })] as const)
        .filter(([, line]) => line !== 'ok');
      if (lines.length === 0) freeText.push(name);
      for (const [value, line] of lines) {
        expect(line, `${name}=${value}`).toMatch(new RegExp(`^${name}\\b`));
        expect(line).not.toContain('\n');
        if (settingDoc(name).secret) expect(line).not.toContain(value);
      }
    }
    // Settings taken as written: a new one with a check is tested above by itself.
    expect(freeText).toEqual([
      'HOST',
      'DATABASE_AUTH_TOKEN',
      'SMTP_URL',
      'DATA_DIR',
      'NETLIFY_BUILD_HOOK',
      'DEPLOY_TARGET',
      'POLO_OUT_DIR',
      'POLO_CACHE_DIR',
      'POLO_CONTENT_DIR',
      'CMS_REPO',
      'CMS_BRANCH',
      'CMS_BACKEND',
      'CMS_AUTH_URL',
      'REPOSITORY_URL',
      'BRANCH',
    ]);
  });

  it('is the only place a setting is read from the environment', () => {
    // Any read of process.env, or a setting imported by name from astro:env (the site's routes
    // hand astro:env's getSecret to readEnv instead).
    const names = settingNames.join('|');
    const reads = new RegExp(
      `process\\.env\\b|import \\{[^}]*\\b(${names})\\b[^}]*\\} from 'astro:env`,
    );
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|mjs|astro)$/.test(file))
      .map((file) => join('src', file))
      .filter((file) => !file.startsWith(join('src/settings/')));
    for (const file of ['astro.config.mjs', ...files]) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(reads);
    }
  });

  for (const [table, { file, marker }] of Object.entries(tablePlaces)) {
    it(`makes the table of ${file}`, () => {
      const text = readFileSync(file, 'utf8');
      const shown = new RegExp(`<!-- ${marker}:start -->\n([^]*?)<!-- ${marker}:end -->`).exec(
        text,
      )?.[1];
      const paste = `paste \`npm run settings:table${table === 'build' ? ' -- build' : ''}\``;
      expect(
        shown,
        `${file} has no table between <!-- ${marker}:start/end -->: ${paste}`,
      ).toBeDefined();
      /** The cells of each row, whatever their padding; the line under the heads left out. */
      const cells = (rows: string) =>
        rows
          .trim()
          .split('\n')
          .filter((row) => !/^\|[\s|:-]+\|$/.test(row))
          .map((row) =>
            row
              .split('|')
              .slice(1, -1)
              .map((cell) => cell.trim()),
          );
      expect(cells(shown ?? ''), `${file}: ${paste}`).toEqual(
        cells(settingsTable(table as SettingsTable)),
      );
    });
  }

  it('puts every setting in one of the two tables, by who reads it', () => {
    expect([...settingsOf('run'), ...settingsOf('build')].sort()).toEqual([...settingNames].sort());
    expect(settingsOf('build')).not.toContain('SITE_URL');
  });
});
