/**
 * Every mail, in every language, writes its dates with its language's one set of month names
 * (never "M12"): each template rendered with fixture data, its dates made as the site makes them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { closureText, dateText } from '../../src/i18n/date-text';
import { createTranslator } from '../../src/i18n/translate';
import { locales } from '../../src/lib/locales';
import type { UiStrings } from '../../src/schemas/ui';
import { confirmationMail, confirmationText } from '../../src/server/mail/templates/confirmation';
import { noticeMail, noticeMailStrings } from '../../src/server/mail/templates/notice';
import { noticeReceiptMail } from '../../src/server/mail/templates/notice-receipt';
import { reportMail } from '../../src/server/mail/templates/report-to-staff';
import type { OutgoingMail } from '../../src/server/mail/transport';
import { chosenMonths, misnamedMonths } from '../support/month-names';

const site = 'https://polo.example.org';
// A closure over the turn of a year: two months, and every month of the year in `published`.
const closure = { from: '2099-12-24', to: '2100-01-07' };

const written = (mail: OutgoingMail) => `${mail.subject}\n${mail.text}\n${mail.html ?? ''}`;

describe.each(locales)('the mails in $code', ({ code, intl, dir }) => {
  const strings = parse(readFileSync(`content/ui/${code}.yaml`, 'utf8')) as UiStrings;
  const t = createTranslator(strings, intl, dir);

  it('write dates with the language’s month names only', () => {
    const notice = noticeMail(
      'a@example.org',
      {
        lang: code,
        dir,
        uiTranslation: strings.translation,
        strings: noticeMailStrings(t),
        notices: [],
      },
      {
        slug: 'prova',
        textLang: code,
        textDir: dir,
        fallback: false,
        translation: code === 'it' ? 'source' : 'machine',
        title: t('notices.published', { date: dateText(t, intl, '2099-05-04') }),
        summary: t('notices.published', { date: dateText(t, intl, '2099-03-04') }),
        html: '<p>—</p>',
        text: '—',
        published: '2099-05-04',
        closure,
        closureText: closureText(t, intl, closure),
      },
      { page: `${site}/${code}/avvisi/prova/`, leave: `${site}/l`, unsubscribe: `${site}/u` },
      site,
    );
    const confirmation = confirmationMail(
      'a@example.org',
      code,
      dir,
      confirmationText(t, strings.translation),
      { confirm: `${site}/c`, leave: `${site}/l`, unsubscribe: `${site}/u` },
    );
    const months = chosenMonths(code);
    // The fixture's dates are there, in the language's names: December, January, May, March.
    for (const month of [11, 0, 4, 2]) expect(written(notice)).toContain(months[month]);
    for (const mail of [notice, confirmation])
      expect(misnamedMonths(code, written(mail))).toEqual([]);
  });
});

describe('the staff’s mails, in Italian', () => {
  it('write dates with the Italian month names only', () => {
    const at = (iso: string) => new Date(iso);
    const mails = [
      reportMail('s@example.org', 1, { text: 'x', lang: 'si' }, site, at('2099-12-31T23:30:00Z')),
      noticeReceiptMail('s@example.org', {
        title: 'x',
        page: `${site}/it/avvisi/x/`,
        sentByLang: { so: 1 },
        missed: {},
        startedAt: at('2099-03-04T08:00:00Z'),
        finishedAt: at('2099-03-04T08:04:00Z'),
        maxAttempts: 5,
      }),
    ];
    // 23:30 UTC on New Year's Eve is already January in Italy.
    expect(written(mails[0]!)).toContain('1 gennaio 2100');
    expect(written(mails[1]!)).toContain('4 marzo 2099');
    for (const mail of mails) expect(misnamedMonths('it', written(mail))).toEqual([]);
  });
});
