import { describe, expect, it } from 'vitest';
import { csvTable } from '../../src/cli/csv';
import { reportMail } from '../../src/server/mail/templates/report-to-staff';
import {
  maxReportLength,
  parseReport,
  reportProblemMessageKey,
  reportProblems,
  sitePath,
  type ReportProblem,
} from '../../src/server/reports/validate';

const site = 'https://polo.example.org';
const fields = (values: Record<string, string | string[]>) =>
  new Map(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
const parse = (values: Record<string, string | string[]>) =>
  parseReport(fields({ lang: 'ar', report: 'The menu cannot be opened.', ...values }), site);

describe('a report', () => {
  it('needs only the problem, in the reader language', () => {
    expect(parse({})).toEqual({
      report: { text: 'The menu cannot be opened.', lang: 'ar', bot: false },
    });
  });

  it('keeps line breaks and the page and address given with consent', () => {
    expect(
      parse({
        report: '  first line\nsecond line  ',
        page: '/ar/orari/',
        email: ' Amina@Example.org ',
        consent: 'yes',
      }),
    ).toEqual({
      report: {
        text: 'first line\nsecond line',
        page: '/ar/orari/',
        email: 'amina@example.org',
        lang: 'ar',
        bot: false,
      },
    });
  });

  it.each([
    ['no problem written', { report: '   \n ' }, 'missing-report', 400],
    [
      'a problem one letter too long',
      { report: 'ب'.repeat(maxReportLength + 1) },
      'report-too-long',
      400,
    ],
    ['an address without consent', { email: 'amina@example.org' }, 'missing-answer-consent', 422],
    [
      'an address with a box left empty',
      { email: 'amina@example.org', consent: '' },
      'missing-answer-consent',
      422,
    ],
    ['a bad address', { email: 'amina@localhost', consent: 'yes' }, 'invalid-email', 400],
    [
      'two addresses',
      { email: 'a@example.org, b@example.org', consent: 'yes' },
      'several-addresses',
      400,
    ],
    [
      'an address with a hidden character',
      { email: '\uFEFFamina@example.org', consent: 'yes' },
      'hidden-characters',
      400,
    ],
    [
      'an address with a line break',
      { email: 'amina@example.org\nBcc: x@example.org', consent: 'yes' },
      'hidden-characters',
      400,
    ],
    [
      'an address in group syntax, which the mailer would send to the group’s member',
      { email: 'grp:victim@example.org;', consent: 'yes' },
      'address-only',
      400,
    ],
    [
      'an address with a name',
      { email: 'Amina <amina@example.org>', consent: 'yes' },
      'address-only',
      400,
    ],
    ['another site', { page: 'https://example.org/it/' }, 'not-a-site-page', 400],
    ['a path of no language', { page: '/wp-admin/' }, 'not-a-site-page', 400],
    ['an unknown language', { lang: 'xx' }, 'unknown-language', 400],
    ['a NUL', { report: 'a\0b' }, 'bad-body', 400],
    ['two problems at once', { report: ['one', 'two'] }, 'bad-body', 400],
  ])('refuses %s', (_name, values, problem, status) => {
    expect(parse(values)).toEqual({ problem });
    expect(reportProblems[problem as ReportProblem].status).toBe(status);
  });

  it('takes the longest problem allowed, counting letters as a reader does', () => {
    expect(parse({ report: '😀'.repeat(maxReportLength) })).toHaveProperty('report');
  });

  it('marks a filled honeypot as a bot', () => {
    expect(parse({ website: 'https://spam.example' })).toMatchObject({ report: { bot: true } });
  });

  it('explains each problem with a string of its own or the one every form shares', () => {
    expect(reportProblemMessageKey('missing-answer-consent')).toBe(
      'report.problem.missing-answer-consent',
    );
    expect(reportProblemMessageKey('too-many-requests')).toBe('problem.too-many-requests');
    expect(reportProblemMessageKey('unsupported-type')).toBe('problem.bad-request');
  });
});

describe('the page a report concerns', () => {
  it.each([
    ['/ar/orari/', '/ar/orari/'],
    ['/it/', '/it/'],
    ['/', '/'],
    ['/fr/sportelli/lavoro/scheda/', '/fr/sportelli/lavoro/scheda/'],
    ['/it/orari.ics', '/it/orari.ics'],
    [`${site}/en/programma/`, '/en/programma/'],
    [`${site}/en/programma/?x=1#top`, '/en/programma/'],
    ['/it/orari/#oggi', '/it/orari/'],
  ])('takes %s as %s', (value, path) => {
    expect(sitePath(value, site)).toBe(path);
  });

  it.each([
    'https://example.org/it/',
    'http://polo.example.org/it/',
    '//example.org/it/',
    'javascript:alert(1)',
    '/xx/orari/',
    '/it/../admin/',
    '/\\example.org/it/',
    'orari',
    `/it/${'a'.repeat(200)}/`,
  ])('refuses %s', (value) => {
    expect(sitePath(value, site)).toBeUndefined();
  });
});

describe('the mail to the staff', () => {
  const report = { text: 'Il menu <b>non</b> si apre.', page: '/ar/orari/', lang: 'ar' };

  it('quotes the report, the full page address, and has no list headers', () => {
    const mail = reportMail('staff@example.org', 7, report, site, new Date('2026-11-27T09:30:00Z'));
    expect(mail.to).toBe('staff@example.org');
    expect(mail.subject).toContain('7');
    expect(mail.text).toContain('Il menu <b>non</b> si apre.');
    expect(mail.text).toContain(`${site}/ar/orari/`);
    expect(mail.text).toContain('10:30');
    expect(mail.html).toContain('Il menu &#60;b&#62;non&#60;/b&#62; si apre.');
    expect(mail.unsubscribeUrl).toBeUndefined();
    expect(mail.replyTo).toBeUndefined();
  });

  it('answers to the reporter when they left an address', () => {
    const mail = reportMail(
      'staff@example.org',
      7,
      { ...report, email: 'amina@example.org' },
      site,
      new Date(),
    );
    expect(mail.replyTo).toBe('amina@example.org');
    expect(mail.text).toContain('amina@example.org');
  });
});

describe('CSV of reports', () => {
  it('quotes line breaks and defuses formulas', () => {
    expect(
      csvTable(
        ['id', 'text'],
        [
          ['1', 'a\nb'],
          ['2', '=HYPERLINK("x")'],
        ],
      ),
    ).toBe('id,text\n1,"a\nb"\n2,"\'=HYPERLINK(""x"")"\n');
  });
});
