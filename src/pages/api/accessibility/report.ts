/**
 * POST /api/accessibility/report: a report of an accessibility problem, as a plain HTML form
 * (answered with a page) or JSON. It is stored and, when STAFF_EMAIL is set, mailed to the
 * staff through the newsletter's outbox. Bad input gets a 4xx in the reader's language and
 * nothing is stored, with the newsletter's checks.
 */
import type { APIContext } from 'astro';
import type { Locale } from '../../../lib/locales';
import { localeText } from '../../../page-data/content';
import { localePath } from '../../../lib/paths';
import { SettingsError } from '../../../server/core/settings';
import {
  acceptedAnswer,
  answerLanguage,
  postOnly,
  refusalAnswer,
} from '../../../server/newsletter/answers';
import {
  bodyType,
  clientAddress,
  isCrossSite,
  readLimited,
  wantsJson,
} from '../../../server/core/request';
import { clientKey, drainSoon, newsletter, settings } from '../../../server/core/runtime';
import { withinRateLimit } from '../../../server/newsletter/store';
import { fieldsOf } from '../../../server/newsletter/validate';
import { reportMail } from '../../../server/reports/mail';
import { saveReport } from '../../../server/reports/store';
import {
  maxReportBodyBytes,
  parseReport,
  reportProblemMessageKey,
  reportProblemStatus,
  type ReportProblem,
} from '../../../server/reports/validate';

export const prerender = false;

/** The form's fields as typed, to give back with a problem (never what made it unsafe). */
function typedFields(fields: Map<string, string[]>): App.Locals['reportTyped'] {
  const first = (name: string) => fields.get(name)?.[0]?.replace(/\0/g, '') ?? '';
  return {
    report: first('report').slice(0, 4000),
    page: first('page').slice(0, 200),
    email: first('email').slice(0, 254),
    consented: ['yes', 'on', 'true'].includes(first('consent')),
  };
}

/** A refusal in the reader's language: JSON, or the form again with what to fix and what was typed. */
async function problem(
  context: APIContext,
  code: ReportProblem,
  {
    lang,
    json,
    typed,
    headers,
  }: {
    lang: Locale;
    json: boolean;
    typed?: App.Locals['reportTyped'];
    headers?: Record<string, string>;
  },
) {
  if (!json) {
    context.locals.reportProblem = code;
    if (typed) context.locals.reportTyped = typed;
  }
  const { t } = await localeText(lang);
  return refusalAnswer(context, {
    status: reportProblemStatus[code],
    code,
    message: t(reportProblemMessageKey(code)),
    json,
    page: localePath(lang, '/accessibilita/problema/'),
    ...(headers ? { headers } : {}),
  });
}

export async function POST(context: APIContext): Promise<Response> {
  const { request, url } = context;
  // Sends what waits in the outbox and, once an hour, deletes what is past its time (reports
  // a year old included), as a signup does.
  drainSoon();
  const type = bodyType(request);
  const json = wantsJson(request, type);
  const early = answerLanguage(undefined, request);
  let siteUrl: string;
  try {
    siteUrl = settings().siteUrl;
  } catch (error) {
    console.error('[reports] settings:', error instanceof SettingsError ? error.message : 'error');
    return problem(context, 'server-error', { lang: early, json });
  }
  if (isCrossSite(request, url, siteUrl))
    return problem(context, 'cross-site', { lang: early, json });
  if (!type) return problem(context, 'unsupported-type', { lang: early, json });
  const body = await readLimited(request, maxReportBodyBytes);
  if (body === undefined) return problem(context, 'too-large', { lang: early, json });
  const fields = fieldsOf(body, type);
  if (!fields) return problem(context, 'bad-body', { lang: early, json });
  const lang = answerLanguage(fields, request);
  const parsed = parseReport(fields, siteUrl);
  if ('problem' in parsed)
    return problem(context, parsed.problem, { lang, json, typed: typedFields(fields) });
  const { report } = parsed;

  try {
    const { config, db } = await newsletter();
    const client = clientKey(
      config.secret,
      clientAddress(request, context.clientAddress, config.trustProxy),
    );
    // Counted apart from signups: a reader may subscribe and report in the same minutes.
    if (!(await withinRateLimit(db, `report:${client}`, config.rateLimit, config.rateWindowMs))) {
      return problem(context, 'too-many-requests', {
        lang,
        json,
        typed: typedFields(fields),
        headers: { 'Retry-After': String(Math.ceil(config.rateWindowMs / 1000)) },
      });
    }
    // A filled honeypot gets the usual answer; nothing is stored.
    if (!report.bot) {
      const { staffEmail } = config;
      const now = Date.now();
      await saveReport(
        db,
        report,
        staffEmail
          ? (id) => reportMail(staffEmail, id, report, config.siteUrl, new Date(now))
          : undefined,
        now,
      );
      // The new mail goes now, not at the next request.
      if (staffEmail) drainSoon();
    }
  } catch (error) {
    console.error(
      '[reports] report failed:',
      error instanceof SettingsError
        ? error.message
        : error instanceof Error
          ? error.name
          : 'error',
    );
    return problem(context, 'server-error', { lang, json, typed: typedFields(fields) });
  }

  const { t } = await localeText(report.lang);
  return acceptedAnswer(
    localePath(report.lang, '/accessibilita/grazie/'),
    t('report.sent.body'),
    json,
  );
}

/** Any other method: 405 with `Allow: POST`. */
export const ALL = postOnly;
