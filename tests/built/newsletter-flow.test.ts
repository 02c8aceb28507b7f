/**
 * The whole newsletter, through the built server, a real libSQL file and a real SMTP server.
 * The tests share one site; each uses its own addresses, so they pass in any order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeCodes, localeInfo } from '../../src/lib/locales';
import { uiString } from '../support/ui-strings';
import { cli, count, formSignup, settled, signup, siteWithMailbox } from './harness';

const setup = siteWithMailbox({ beforeAll, afterAll });

const linkIn = (text: string, path: string) =>
  text.match(new RegExp(`https?://[^\\s"<>]+${path.replace(/\//g, '\\/')}[^\\s"<>]*`))?.[0] ?? '';

describe('subscribe, confirm, export, leave', () => {
  it('works end to end in Arabic', async () => {
    const answer = await formSignup(
      setup.site,
      'email=amina%40example.org&consent=yes&lang=ar&website=',
    );
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/ar/newsletter/check-email/');

    const [mail] = await setup.smtp.mailsTo('amina@example.org');
    expect(mail?.subject).toBe(uiString('ar', 'mail.confirm.subject'));
    expect(mail?.headers.get('content-language')).toBe('ar');
    expect(mail?.html).toContain('dir="rtl"');
    expect(mail?.text).toContain('48');
    // Latin names (the Polo's) say their language in the HTML part and are isolated in the
    // text part; the punctuation after them stays the sentence's in both.
    const names = [...(mail?.html || '').matchAll(/<bdi([^>]*)>([^<]*)<\/bdi>/g)];
    expect(names.length).toBeGreaterThan(0);
    for (const [, attributes, name] of names) {
      expect(attributes).toMatch(/ lang="\w+"/);
      expect(name).not.toMatch(/[.,;:،؛]$/);
    }
    expect(mail?.text).toMatch(/\u2068\p{Script=Latin}/u);
    expect(mail?.text).not.toMatch(/[.,;:،؛]\u2069/);
    // On the sender's domain (MAIL_FROM), never '@localhost'.
    expect(mail?.messageId).toMatch(/^<[^@>]+@test\.invalid>$/);
    const raw = (name: string) =>
      mail?.headerLines
        .find((h) => h.key === name)
        ?.line.slice(name.length + 1)
        .trim() ?? '';
    const unsubscribeHeader = raw('list-unsubscribe');
    expect(unsubscribeHeader).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/api\/newsletter\/unsubscribe\?token=[^>]+>$/,
    );
    expect(raw('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // Opening the link, as a mail scanner would, confirms nothing.
    const confirmLink = linkIn(mail?.text ?? '', '/ar/newsletter/confirm/');
    const page = await fetch(confirmLink);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toMatch(/<form method="post"[^>]*data-newsletter-confirm/);
    expect(html).toContain('name="robots" content="noindex"');
    const exportedEmails = async (...args: string[]) =>
      (
        JSON.parse((await cli(setup.site, 'export', '--format', 'json', ...args)).stdout) as {
          email: string;
        }[]
      ).map((row) => row.email);
    expect(await exportedEmails()).not.toContain('amina@example.org');

    // The button's POST confirms.
    const token = new URL(confirmLink).searchParams.get('token') ?? '';
    const confirmed = await fetch(confirmLink, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: setup.site.url },
      body: `token=${token}`,
    });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('data-newsletter-outcome="confirmed"');

    const exported = JSON.parse(
      (await cli(setup.site, 'export', '--format', 'json', '--lang', 'ar')).stdout,
    ) as { email: string }[];
    expect(exported.find((row) => row.email === 'amina@example.org')).toEqual(
      expect.objectContaining({ lang: 'ar', consentVersion: expect.any(String) as string }),
    );
    expect((await cli(setup.site, 'export')).stdout).toMatch(
      /^email,lang,consent_version,submitted_at,confirmed_at\n(.*\n)*amina@example\.org,ar,/,
    );
    expect(await exportedEmails('--lang', 'fr')).not.toContain('amina@example.org');
    const { id } = (
      await setup.site.db.execute("SELECT id FROM subscribers WHERE email = 'amina@example.org'")
    ).rows[0] ?? { id: 0 };

    // One click from the mail provider: no cookie, no Origin, no JavaScript.
    const oneClick = await fetch(unsubscribeHeader.slice(1, -1), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await exportedEmails()).not.toContain('amina@example.org');
    // Only the fingerprint and the time of the last mail are left.
    const left = (
      await setup.site.db.execute({ sql: 'SELECT * FROM subscribers WHERE id = ?', args: [id] })
    ).rows[0];
    expect(left?.['status']).toBe('unsubscribed');
    expect(left?.['email']).toBeNull();
    expect(left?.['lang']).toBeNull();
    expect(left?.['submitted_at']).toBeNull();
  });

  it('keeps e-mail addresses out of the server log', async () => {
    await signup(setup.site, { email: 'unlogged@example.org' });
    await setup.smtp.mailsTo('unlogged@example.org');
    expect(setup.site.logs()).not.toMatch(/@example\.org/);
  });
});

describe('the confirmation mail in every language', () => {
  it.each(localeCodes)(
    'in %s leads to pages in that language, labelled when machine-translated',
    async (lang) => {
      const email = `every-${lang}@example.org`;
      expect((await signup(setup.site, { email, lang })).status).toBe(200);
      const [mail] = await setup.smtp.mailsTo(email);
      const text = mail?.text ?? '';
      const machine = uiString(lang, 'translation') === 'machine';
      expect(text.includes(uiString(lang, 'mail.machine'))).toBe(machine);
      expect(String(mail?.html).includes(uiString(lang, 'mail.machine'))).toBe(machine);
      // Each page the mail opens is there, in the mail's language.
      const pages = [
        linkIn(text, `/${lang}/newsletter/confirm/`),
        linkIn(text, `/${lang}/newsletter/unsubscribe/`),
      ];
      // The one-click target, opened in a browser, lands on the page to leave in that language.
      const oneClick =
        mail?.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.match(/<([^>]+)>/)?.[1] ??
        '';
      const opened = await fetch(oneClick, { redirect: 'manual' });
      expect(opened.status).toBe(303);
      pages.push(new URL(opened.headers.get('location') ?? '', setup.site.url).href);
      expect(pages[2]).toBe(pages[1]);
      for (const link of pages) {
        const page = await fetch(link);
        expect(page.status, link).toBe(200);
        const html = await page.text();
        expect(html).toContain(`<html lang="${lang}" dir="${localeInfo(lang).dir}"`);
        expect(html).toMatch(/<form method="post"[^>]*data-newsletter-(confirm|unsubscribe)/);
      }
    },
  );
});

describe('the answer does not tell who is subscribed', () => {
  it('is the same, byte for byte, for a new, pending, confirmed and unsubscribed address', async () => {
    const answers: string[] = [];
    const record = async (email: string) => {
      const response = await signup(setup.site, { email, lang: 'fr' });
      answers.push(
        `${response.status} ${response.headers.get('content-type')} ${await response.text()}`,
      );
      const form = await formSignup(
        setup.site,
        `email=${encodeURIComponent(email)}&consent=yes&lang=fr`,
      );
      answers.push(`${form.status} ${form.headers.get('location')} ${await form.text()}`);
    };
    await record('new@example.org');
    await signup(setup.site, { email: 'pending@example.org' });
    await record('pending@example.org');
    // confirmed: through its mail
    await signup(setup.site, { email: 'confirmed@example.org' });
    const [mail] = await setup.smtp.mailsTo('confirmed@example.org');
    const link = linkIn(mail?.text ?? '', '/newsletter/confirm/');
    await fetch(link, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `token=${new URL(link).searchParams.get('token')}`,
    });
    await record('confirmed@example.org');
    // unsubscribed: through the one-click link of its mail
    await signup(setup.site, { email: 'left@example.org' });
    const [first] = await setup.smtp.mailsTo('left@example.org');
    const leave = first?.headerLines
      .find((h) => h.key === 'list-unsubscribe')
      ?.line.match(/<([^>]+)>/)?.[1];
    expect(
      (await fetch(leave ?? '', { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status,
    ).toBe(200);
    await record('left@example.org');
    expect(new Set(answers.filter((_, i) => i % 2 === 0)).size).toBe(1);
    expect(new Set(answers.filter((_, i) => i % 2 === 1)).size).toBe(1);
  });
});

describe('tokens', () => {
  async function freshToken(email: string) {
    await signup(setup.site, { email });
    const [mail] = await setup.smtp.mailsTo(email);
    const link = linkIn(mail?.text ?? '', '/newsletter/confirm/');
    return { link, token: new URL(link).searchParams.get('token') ?? '' };
  }
  const post = (link: string, token: string) =>
    fetch(link.split('?')[0] ?? link, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `token=${token}`,
    });

  it('works once: a reused token is refused', async () => {
    const { link, token } = await freshToken('once@example.org');
    expect((await post(link, token)).status).toBe(200);
    const again = await post(link, token);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('data-newsletter-outcome="invalid"');
  });

  it('expires after 48 hours', async () => {
    const { link, token } = await freshToken('late@example.org');
    await setup.site.db.execute({
      sql: 'UPDATE confirm_tokens SET expires_at = ?',
      args: [Date.now() - 1],
    });
    expect((await fetch(link)).status).toBe(410);
    expect((await post(link, token)).status).toBe(410);
    expect(
      await count(
        setup.site,
        "SELECT COUNT(*) FROM subscribers WHERE status = 'confirmed' AND email = 'late@example.org'",
      ),
    ).toBe(0);
  });

  it('cannot be forged', async () => {
    const forged = 'AAAAAAAAAAAAAAAAAAAAAA';
    expect((await post(`${setup.site.url}/it/newsletter/confirm/`, forged)).status).toBe(410);
    const leave = await fetch(
      `${setup.site.url}/api/newsletter/unsubscribe?token=${'a'.repeat(64)}.${'b'.repeat(22)}`,
      {
        method: 'POST',
      },
    );
    expect(leave.status).toBe(400);
  });

  it('refuses a confirmation posted from another site', async () => {
    const { link, token } = await freshToken('csrf@example.org');
    const response = await fetch(link.split('?')[0] ?? link, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
      },
      body: `token=${token}`,
    });
    expect(response.status).toBe(403);
  });
});

describe('at most one confirmation mail a day per address', () => {
  it('re-sends nothing on a repeated signup the same day', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signup(setup.site, { email: 'again@example.org' })).status).toBe(200);
    await setup.smtp.mailsTo('again@example.org');
    await settled(setup.site);
    await new Promise((r) => setTimeout(r, 500));
    expect(await setup.smtp.mailsTo('again@example.org')).toHaveLength(1);
  });
});

describe('under load', () => {
  it('200 concurrent signups of 50 addresses store 50 rows and send at most 50 mails', async () => {
    await settled(setup.site);
    const rowsBefore = await count(setup.site, 'SELECT COUNT(*) FROM subscribers');
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        signup(setup.site, { email: `load${i % 50}@example.org` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(200));
    await settled(setup.site);
    expect((await count(setup.site, 'SELECT COUNT(*) FROM subscribers')) - rowsBefore).toBe(50);
    const toLoad = () =>
      setup.smtp.mails.filter((m) => m.to && 'text' in m.to && /^load\d+@/.test(m.to.text));
    for (let i = 0; i < 200 && toLoad().length < 50; i++)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    expect(toLoad()).toHaveLength(50);
    expect(new Set(toLoad().map((m) => (m.to && 'text' in m.to ? m.to.text : ''))).size).toBe(50);
    expect(await count(setup.site, 'SELECT COUNT(*) FROM outbox')).toBe(0);
  });
});
