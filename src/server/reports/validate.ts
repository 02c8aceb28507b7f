/**
 * Checks an accessibility report before anything is stored. The problems every form can have
 * (body, address, language, too many) keep their codes, statuses and messages; those only a
 * report can have are added here.
 */
import { isLocale, type Locale } from '../../lib/locales.ts';
import type { UiKey } from '../../schemas/ui.ts';
import { readAddress } from '../../lib/email-address.ts';
import { honeypotFilled, ticked, type Fields } from '../forms/fields.ts';
import { fieldProblems, requestProblems, type ProblemTable } from '../forms/problems.ts';

/** What can be wrong with a report: those of every form, and its own. */
export const reportProblems = {
  ...requestProblems,
  ...fieldProblems,
  // Only a report longer than the form lets anyone type can be too large: say so in characters.
  'too-large': { status: 413, message: 'report.problem.report-too-long' },
  'missing-report': { status: 400, message: 'report.problem.missing-report' },
  'report-too-long': { status: 400, message: 'report.problem.report-too-long' },
  'missing-answer-consent': { status: 422, message: 'report.problem.missing-answer-consent' },
  'not-a-site-page': { status: 400, message: 'report.problem.not-a-site-page' },
} as const satisfies ProblemTable<string>;

export type ReportProblem = keyof typeof reportProblems;

/** Longest report, in characters: a few paragraphs, enough to say what went wrong. */
export const maxReportLength = 2000;
/** Longest page path accepted. */
export const maxPageLength = 200;
/**
 * Most bytes one character of the form's count takes in a form body: three in UTF-8 (a Tamil or
 * Sinhala letter), each percent-encoded as three. A line break counts one and takes six (%0D%0A).
 */
const maxBytesPerCharacter = 9;
/** Room for the other fields at their longest: the page, an address, the consent, the names. */
const otherFieldsBytes = 4 * 1024;
/**
 * Largest body accepted, in bytes: a report of `maxReportLength` characters in any script, with
 * an address (22,096 bytes). A larger one gets the form back with what fits of its text.
 */
export const maxReportBodyBytes = maxReportLength * maxBytesPerCharacter + otherFieldsBytes;

export interface Report {
  text: string;
  /** The site page it concerns, e.g. '/ar/orari/'; undefined when not given. */
  page?: string | undefined;
  lang: Locale;
  /** Only with the reporter's consent to keep it for an answer; as the mailer sends to it. */
  email?: string | undefined;
  /** The honeypot was filled: answer as usual, store nothing. */
  bot: boolean;
}

// A report is free text: new lines are welcome, a NUL is not.
const nul = /\0/;
const lineBreaks = /[\r\n]/;
// Paths of the site: lower-case Italian slugs, digits and hyphens, maybe a file (orari.ics).
const pathShape = /^\/(?:[a-z0-9-]+\/)*(?:[a-z0-9-]+(?:\.[a-z0-9]+)?)?$/;

/**
 * The site path a visitor gave, or undefined when it is none of the site's, e.g.
 * '/ar/orari/' => '/ar/orari/', 'https://polo-siracusa.it/it/' => '/it/',
 * '/it/orari/#oggi' => '/it/orari/', 'https://example.org/it/' => undefined, '//example.org/' => undefined.
 */
export function sitePath(value: string, siteOrigin: string): string | undefined {
  if (value.length > maxPageLength || lineBreaks.test(value)) return undefined;
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(value);
  if (!absolute && (!value.startsWith('/') || value.startsWith('//'))) return undefined;
  if (!URL.canParse(value, siteOrigin)) return undefined;
  // Resolved as a browser would (dot segments, backslashes), then held to the site's shapes.
  const url = new URL(value, siteOrigin);
  if (url.origin !== new URL(siteOrigin).origin || !pathShape.test(url.pathname)) return undefined;
  // The home of a language, or a page inside one.
  const path = url.pathname;
  return path === '/' || isLocale(path.split('/')[1]) ? path : undefined;
}

/** The report in `fields`, or the first problem with it. `siteOrigin` decides what a site page is. */
export function parseReport(
  fields: Fields,
  siteOrigin: string,
): { report: Report } | { problem: ReportProblem } {
  const one = (name: string) => fields.get(name) ?? [];
  for (const values of fields.values()) {
    if (values.some((v) => nul.test(v))) return { problem: 'bad-body' };
  }
  if (['report', 'email', 'page', 'lang'].some((name) => one(name).length > 1))
    return { problem: 'bad-body' };
  const lang = one('lang')[0] ?? '';
  if (!isLocale(lang)) return { problem: 'unknown-language' };
  // Unicode letters count as one each, as the reader counts them; a line break is one
  // character in the browser's count, sent as two (CR LF).
  const text = (one('report')[0] ?? '').replace(/\r\n?/g, '\n').trim();
  if (text.length === 0) return { problem: 'missing-report' };
  if ([...text].length > maxReportLength) return { problem: 'report-too-long' };
  const typedPage = (one('page')[0] ?? '').trim();
  const page = typedPage === '' ? undefined : sitePath(typedPage, siteOrigin);
  if (typedPage !== '' && !page) return { problem: 'not-a-site-page' };
  const typedEmail = one('email')[0] ?? '';
  let email: string | undefined;
  if (typedEmail.trim() !== '') {
    const read = readAddress(typedEmail);
    if ('problem' in read) return read;
    email = read.address;
    if (!ticked(one('consent')[0])) return { problem: 'missing-answer-consent' };
  }
  return { report: { text, page, lang, email, bot: honeypotFilled(fields) } };
}

/** The UI string that explains a problem to the reporter, e.g. 'missing-report' => 'report.problem.missing-report'. */
export const reportProblemMessageKey = (problem: ReportProblem): UiKey =>
  reportProblems[problem].message;
