/**
 * Each mail rendered from fixed words and compared, byte for byte, with the files in
 * tests/fixtures/mail/: what subscribers and staff receive changes only when those files do.
 */
import { describe, expect, it } from 'vitest';
import { confirmationMail } from '../../src/server/mail/templates/confirmation';
import { noticeMail } from '../../src/server/mail/templates/notice';
import { noticeReceiptMail } from '../../src/server/mail/templates/notice-receipt';
import { reportMail } from '../../src/server/mail/templates/report-to-staff';
import type { OutgoingMail } from '../../src/server/mail/transport';
import type { MailedNotice, NoticeBundle } from '../../src/schemas/notice-bundle';

const site = 'https://polo.example.org';
// Every character HTML escapes, in words and in links.
const tricky = `<b> & "quoted" l'apostrofo`;

async function matchesFiles(name: string, mail: OutgoingMail) {
  const { html, text, ...rest } = mail;
  await expect(html).toMatchFileSnapshot(`../fixtures/mail/${name}.html`);
  await expect(text).toMatchFileSnapshot(`../fixtures/mail/${name}.txt`);
  await expect(`${JSON.stringify(rest, null, 2)}\n`).toMatchFileSnapshot(
    `../fixtures/mail/${name}.json`,
  );
}

describe('the confirmation mail', () => {
  const links = (lang: string) => ({
    confirm: `${site}/${lang}/newsletter/conferma/?t=a1&x="b"`,
    leave: `${site}/${lang}/newsletter/lascia/?t=c2&x="y"`,
    unsubscribe: `${site}/api/newsletter/unsubscribe?t=c2&l=${lang}`,
  });

  it('in Italian is as before', async () => {
    const mail = confirmationMail(
      'anna@example.org',
      'it',
      'ltr',
      {
        subject: 'Conferma l’iscrizione',
        greeting: 'Buongiorno,',
        action: `Per ricevere gli avvisi ${tricky}, conferma:`,
        button: 'Confermo',
        expiry: 'Il link vale 48 ore.',
        ignore: 'Se non sei stato tu, ignora questa mail.',
        leave: 'Per non ricevere più mail:',
        leaveLink: 'Cancellati dalla newsletter',
        signature: 'Polo Sociale Integrato di Siracusa',
      },
      links('it'),
    );
    await matchesFiles('confirmation-it', mail);
  });

  it('in Arabic, right to left with Latin names marked and labelled as machine-translated, is as before', async () => {
    const mail = confirmationMail(
      'amina@example.org',
      'ar',
      'rtl',
      {
        subject: 'تأكيد الاشتراك',
        machine: `ترجمة آلية ${tricky}.`,
        greeting: 'مرحبا،',
        action: `لتلقي إشعارات Polo Sociale Integrato di Siracusa ${tricky}، أكد:`,
        button: 'أؤكد',
        expiry: 'الرابط صالح لمدة 48 ساعة.',
        ignore: 'إذا لم تكن أنت، تجاهل هذه الرسالة.',
        leave: 'لإلغاء الاشتراك:',
        leaveLink: 'ألغِ اشتراكك',
        signature: 'Polo Sociale Integrato di Siracusa',
      },
      links('ar'),
    );
    await matchesFiles('confirmation-ar', mail);
  });
});

describe('the mail of a notice', () => {
  const strings = {
    siteName: 'Polo Sociale Integrato di Siracusa',
    machine: 'Tradotto in modo automatico.',
    fallback: 'Questo avviso non è ancora tradotto.',
    read: `Leggi sul sito ${tricky}:`,
    why: 'Ricevi questa mail perché sei iscritto agli avvisi.',
    leave: 'Per non riceverle più:',
    leaveLink: 'Annulla l’iscrizione',
  };
  const open: MailedNotice = {
    slug: 'chiusura',
    textLang: 'it',
    textDir: 'ltr',
    fallback: false,
    translation: 'source',
    title: `Chiusura ${tricky}`,
    summary: `Il Polo chiude per le feste ${tricky}.`,
    html: '<p>Vedi <a href="/it/orari/">gli orari</a> e <img src="/logo.png" alt="">, o <a href="//altro.it/">altro</a>.</p>\n',
    text: 'Vedi gli orari (/it/orari/).',
    published: '2026-12-01',
  };
  const notice: MailedNotice = {
    ...open,
    closure: { from: '2026-12-24', to: '2027-01-07' },
    closureText: `Polo chiuso dal 24 dicembre 2026 al 7 gennaio 2027 ${tricky}`,
  };
  const links = (lang: string) => ({
    page: `${site}/${lang}/avvisi/chiusura/?a=1&b=2`,
    leave: `${site}/${lang}/newsletter/lascia/?t=d3&x="y"`,
    unsubscribe: `${site}/api/newsletter/unsubscribe?t=d3&l=${lang}`,
  });

  it('in Italian, with a closure, is as before', async () => {
    const bundle: NoticeBundle = {
      lang: 'it',
      dir: 'ltr',
      uiTranslation: 'source',
      strings,
      notices: [],
    };
    const mail = noticeMail('anna@example.org', bundle, notice, links('it'), site);
    await matchesFiles('notice-it', mail);
  });

  it('in Arabic, machine-translated, with the Italian text under the line saying so, is as before', async () => {
    const bundle: NoticeBundle = {
      lang: 'ar',
      dir: 'rtl',
      uiTranslation: 'machine',
      strings: {
        siteName: 'Polo Sociale Integrato di Siracusa',
        machine: `ترجمة آلية ${tricky}.`,
        fallback: `هذا الإشعار غير مترجم بعد ${tricky}.`,
        read: 'اقرأ على الموقع:',
        why: 'تتلقى هذه الرسالة لأنك مشترك في الإشعارات.',
        leave: 'لإلغاء الاشتراك:',
        leaveLink: 'إلغاء الاشتراك',
      },
      notices: [],
    };
    const mail = noticeMail(
      'amina@example.org',
      bundle,
      { ...open, fallback: true },
      links('ar'),
      site,
    );
    await matchesFiles('notice-ar-fallback', mail);
  });

  it('too long for its budget, without the body, is as before', async () => {
    const bundle: NoticeBundle = {
      lang: 'it',
      dir: 'ltr',
      uiTranslation: 'source',
      strings,
      notices: [],
    };
    const long = { ...notice, html: `<p>${'Una riga lunga del testo. '.repeat(1000)}</p>` };
    const mail = noticeMail('anna@example.org', bundle, long, links('it'), site);
    await matchesFiles('notice-too-long', mail);
  });
});

describe('the mail of a report to the staff', () => {
  const received = new Date('2026-11-27T09:30:00Z');

  it('with the page and the reporter’s address is as before', async () => {
    const mail = reportMail(
      'staff@example.org',
      7,
      {
        text: `Il menu non si apre.\nSeconda riga ${tricky}.`,
        page: '/ar/orari/?a=1&b=2',
        lang: 'ar',
        email: 'amina@example.org',
      },
      site,
      received,
    );
    await matchesFiles('report-full', mail);
  });

  it('without them is as before', async () => {
    const mail = reportMail(
      'staff@example.org',
      12,
      { text: 'Testo.', lang: 'it' },
      site,
      received,
    );
    await matchesFiles('report-bare', mail);
  });
});

describe('the receipt of a notice to the staff', () => {
  const times = {
    startedAt: new Date('2026-12-01T08:00:00Z'),
    finishedAt: new Date('2026-12-01T08:04:00Z'),
    maxAttempts: 5,
  };

  it('with mails that did not arrive is as before', async () => {
    const mail = noticeReceiptMail('staff@example.org', {
      title: `Chiusura ${tricky}`,
      page: `${site}/it/avvisi/chiusura/`,
      sentByLang: { it: 120, ar: 40, en: 3, si: 0 },
      missed: { refused: 2, gaveUp: 1, suppressed: 4, left: 1 },
      ...times,
    });
    await matchesFiles('notice-receipt-missed', mail);
  });

  it('to nobody is as before', async () => {
    const mail = noticeReceiptMail('staff@example.org', {
      title: 'Nuovo sportello',
      page: `${site}/it/avvisi/sportello/`,
      sentByLang: {},
      missed: {},
      ...times,
    });
    await matchesFiles('notice-receipt-empty', mail);
  });
});
