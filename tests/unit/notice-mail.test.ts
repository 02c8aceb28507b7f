import { describe, expect, it } from 'vitest';
import type { MailedNotice, NoticeBundle } from '../../src/schemas/notice-bundle';
import { maxHtmlBytes, noticeMail } from '../../src/server/mail/templates/notice';
import { duration, progressLine } from '../../src/server/newsletter/notices/progress';

const strings = {
  siteName: 'Polo Sociale Integrato di Siracusa',
  machine: 'MACHINE-LINE',
  fallback: 'NOT-TRANSLATED-LINE',
  read: 'READ',
  why: 'WHY',
  leave: 'LEAVE',
  leaveLink: 'LEAVE-LINK',
};
const bundle = (lang: string, dir: 'ltr' | 'rtl'): NoticeBundle => ({
  lang,
  dir,
  uiTranslation: lang === 'it' ? 'source' : 'reviewed',
  strings,
  notices: [],
});
const notice = (fields: Partial<MailedNotice> = {}): MailedNotice => ({
  slug: 'chiusura',
  textLang: 'it',
  textDir: 'ltr',
  fallback: false,
  translation: 'source',
  title: 'Chiusura <natale>',
  summary: 'Il Polo chiude.',
  html: '<p>Vedi <a href="/it/orari/">gli orari</a>.</p>',
  text: 'Vedi gli orari (/it/orari/).',
  published: '2026-12-01',
  ...fields,
});
const links = {
  page: 'https://x.it/ar/avvisi/chiusura/',
  leave: 'https://x.it/l',
  unsubscribe: 'https://x.it/u',
};

describe('the mail of a notice', () => {
  it('is in the subscriber’s language, with links made absolute and the title escaped', () => {
    const mail = noticeMail('a@example.org', bundle('it', 'ltr'), notice(), links, 'https://x.it');
    expect(mail.subject).toBe('Chiusura <natale>');
    expect(mail.html).toContain('<html lang="it" dir="ltr">');
    expect(mail.html).toContain('Chiusura &#60;natale&#62;');
    expect(mail.html).toContain('href="https://x.it/it/orari/"');
    expect(mail.text).toContain('Vedi gli orari (https://x.it/it/orari/).');
    expect(mail.text).not.toContain('NOT-TRANSLATED-LINE');
    expect(mail.listId).toBe('Polo Sociale Integrato di Siracusa <avvisi.x.it>');
  });

  it('gives the Italian text in an Arabic mail under the line saying so, marked left to right', () => {
    const mail = noticeMail(
      'a@example.org',
      bundle('ar', 'rtl'),
      notice({ fallback: true }),
      links,
      'https://x.it',
    );
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain('<div lang="it" dir="ltr">');
    expect(mail.text.indexOf('NOT-TRANSLATED-LINE')).toBeLessThan(mail.text.indexOf('Chiusura'));
    expect(mail.lang).toBe('ar');
  });

  it('marks the Latin names of an Arabic mail lang="it", the full stop outside, and no Italian one', () => {
    const arabic = noticeMail(
      'a@example.org',
      bundle('ar', 'rtl'),
      notice({
        textLang: 'ar',
        textDir: 'rtl',
        title: 'إغلاق',
        html: '<p>في Comune dei Popoli.</p>',
      }),
      links,
      'https://x.it',
    );
    expect(arabic.html).toContain('<p>في <bdi lang="it">Comune dei Popoli</bdi>.</p>');
    expect(arabic.html).toContain(`<bdi lang="it">${strings.siteName}</bdi>`);
    const italian = noticeMail(
      'a@example.org',
      bundle('it', 'ltr'),
      notice(),
      links,
      'https://x.it',
    );
    expect(italian.html).not.toContain('<bdi');
  });

  it('states the closure in words and keeps the HTML within its budget however long the notice', () => {
    const long = `<p>${'Un testo molto lungo. '.repeat(2000)}</p>`;
    const mail = noticeMail(
      'a@example.org',
      bundle('fr', 'ltr'),
      notice({ html: long, closureText: 'Polo fermé du 24 décembre au 7 janvier' }),
      links,
      'https://x.it',
    );
    expect(Buffer.byteLength(mail.html)).toBeLessThanOrEqual(maxHtmlBytes);
    expect(mail.html).toContain('Polo fermé du 24 décembre au 7 janvier');
    expect(mail.html).toContain(links.page);
    expect(mail.html).toContain('href="https://x.it/l"');
  });
});

describe('the sender’s terminal', () => {
  it('shows progress with rate and time left', () => {
    expect(progressLine(120, 10_000, 60_000)).toBe(
      'done 120 / 10000 · 2.0 mails/s · about 1 h 22 min left',
    );
    expect(duration(95_000)).toBe('1 min 35 s');
    expect(duration(4_000)).toBe('4 s');
  });
});
