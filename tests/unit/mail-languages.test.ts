/**
 * What a subscriber reads in each language, with the words of content/ui/: the confirmation
 * and a notice say so when words in them were translated automatically (and only then), link
 * to the pages of the mail's language, leave no line hanging on a ':', and say the same in
 * their HTML and text parts. The answers come from the UI files, whatever they say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTranslator } from '../../src/i18n/translate';
import { decodeEntities } from '../../src/lib/html-text';
import { localeCodes, localeInfo, sourceLocale, type Locale } from '../../src/lib/locales';
import type { MailedNotice } from '../../src/schemas/notice-bundle';
import { contentCollections } from '../../src/schemas/collections';
import { uiSchema } from '../../src/schemas/ui';
import { confirmationMail, confirmationText } from '../../src/server/mail/templates/confirmation';
import { noticeMail, noticeMailStrings } from '../../src/server/mail/templates/notice';
import type { OutgoingMail } from '../../src/server/mail/transport';
import { confirmLink, leaveLinks, noticePage } from '../../src/server/newsletter/links';

const site = 'https://polo.example.org';
const address = /https?:\/\/[^\s<>"]+/g;

function languageOf(lang: Locale) {
  const file = join('content', contentCollections.ui.path, `${lang}.yaml`);
  const strings = uiSchema.parse(parse(readFileSync(file, 'utf8')));
  const { intl, dir } = localeInfo(lang);
  return { strings, dir, t: createTranslator(strings, intl, dir) };
}

/** Lines a reader sees, without direction marks and with spaces evened out. */
const linesOf = (text: string) =>
  text
    .replace(/[\u2066-\u2069]/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/** The HTML body's lines as a reader sees them; `links` says what a link shows (its words, or nothing). */
function htmlLines(html: string, links: 'words' | 'none'): string[] {
  const body = html.replace(/^[\s\S]*?<body[^>]*>/, '').replace(/<\/body>[\s\S]*$/, '');
  const text = body
    .replace(/<a\b[^>]*>([\s\S]*?)<\/a>/g, (_whole, words: string) =>
      links === 'words' ? words : '',
    )
    // The rule above the footer is the text part's signature line.
    .replace(/<hr\b[^>]*>/g, '\n--\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/?(p|h1|div|ul|li)\b[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '');
  return linesOf(decodeEntities(text));
}

const hrefs = (html: string) =>
  [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map(([, href]) => decodeEntities(href ?? ''));

/** The checks every mail to a subscriber passes, in `lang`, with `label` its machine line. */
function expectSubscriberMail(mail: OutgoingMail, lang: Locale, label: string, labelled: boolean) {
  // Labelled exactly when machine words are in it, in both parts.
  expect(linesOf(mail.text).includes(linesOf(label)[0] ?? ''), 'text part label').toBe(labelled);
  expect(htmlLines(mail.html, 'words').includes(linesOf(label)[0] ?? ''), 'HTML label').toBe(
    labelled,
  );
  // Every link opens a page in the mail's language, the one-click target too when opened.
  const links = [...(mail.text.match(address) ?? []), ...hrefs(mail.html)];
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(link).toMatch(new RegExp(`^${site}/${lang}/`));
  expect(new URL(mail.unsubscribeUrl ?? '').searchParams.get('lang')).toBe(lang);
  // No line hangs on a colon, its link below it.
  for (const line of [...linesOf(mail.text), ...htmlLines(mail.html, 'words')])
    expect(line).not.toMatch(/[:：]$/);
  // The same words and links in both parts: a link's words in HTML stand for its address.
  expect(htmlLines(mail.html, 'none')).toEqual(linesOf(mail.text.replace(address, '')));
  expect(new Set(hrefs(mail.html))).toEqual(new Set(mail.text.match(address)));
}

describe.each(localeCodes)('the mails to a subscriber in %s', (lang) => {
  const { strings, dir, t } = languageOf(lang);
  const machineUi = strings.translation === 'machine';
  const label = t('mail.machine');
  const leave = leaveLinks(site, lang, 'leave-token');

  it(`confirm a signup ${machineUi ? 'labelled as machine-translated' : 'unlabelled: a person wrote it'}`, () => {
    const mail = confirmationMail(
      'x@example.org',
      lang,
      dir,
      confirmationText(t, strings.translation),
      {
        confirm: confirmLink(site, lang, 'confirm-token'),
        ...leave,
      },
    );
    expectSubscriberMail(mail, lang, label, machineUi);
  });

  const cases: { translation: MailedNotice['translation']; fallback: boolean }[] =
    lang === sourceLocale
      ? [{ translation: 'source', fallback: false }]
      : [
          { translation: 'machine', fallback: false },
          { translation: 'reviewed', fallback: false },
          { translation: 'source', fallback: true },
        ];
  it.each(cases)(
    'bring a notice whose text is $translation (Italian fallback: $fallback)',
    ({ translation, fallback }) => {
      const notice: MailedNotice = {
        slug: 'avviso-prova',
        textLang: fallback ? sourceLocale : lang,
        textDir: fallback ? 'ltr' : dir,
        fallback,
        translation,
        title: 'Titolo',
        summary: 'Riassunto.',
        html: '<p>Testo dell’avviso.</p>',
        text: 'Testo dell’avviso.',
        published: '2099-12-01',
      };
      const bundle = {
        lang,
        dir,
        uiTranslation: strings.translation,
        strings: noticeMailStrings(t),
        notices: [notice],
      };
      const mail = noticeMail(
        'x@example.org',
        bundle,
        notice,
        { page: noticePage(site, lang, notice.slug), ...leave },
        site,
      );
      expectSubscriberMail(mail, lang, label, machineUi || translation === 'machine');
      // A notice in Italian says so, in the reader's language.
      expect(mail.text.includes(t('mail.notice.fallback'))).toBe(fallback);
    },
  );
});
