/**
 * POST /api/newsletter/subscribe: form encoding (a plain HTML form) or JSON (the page's script).
 * Success is the same answer for every address, whatever its state; problems get a 4xx in the
 * subscriber's language, and nothing is stored.
 */
import type { APIContext } from 'astro';
import type { Locale } from '../../../i18n/locales';
import { localeText } from '../../../i18n/content';
import { localePath } from '../../../lib/paths';
import {
  answerLanguage,
  bodyType,
  clientAddress,
  isCrossSite,
  readLimited,
  wantsJson,
} from '../../../server/newsletter/http';
import { ConfigError } from '../../../server/newsletter/config';
import { confirmationMail } from '../../../server/newsletter/mail';
import { clientKey, drainSoon, newsletter, settings } from '../../../server/newsletter/runtime';
import { subscribe, withinRateLimit } from '../../../server/newsletter/store';
import {
  fieldsOf,
  maxBodyBytes,
  parseSignup,
  problemStatus,
  type Problem,
} from '../../../server/newsletter/validate';
import { problemMessageKey } from '../../../server/newsletter/problems';

export const prerender = false;

async function problem(
  context: APIContext,
  code: Problem,
  lang: Locale,
  json: boolean,
  extra: Record<string, string> = {},
  email?: string,
  consented = false,
) {
  const status = problemStatus[code];
  const headers = { 'Cache-Control': 'no-store', ...extra };
  if (json) {
    const { t } = await localeText(lang);
    return Response.json(
      { ok: false, problem: code, message: t(problemMessageKey(code)) },
      { status, headers },
    );
  }
  // A plain form gets the signup page again, with the problem explained, in its language.
  context.locals.newsletterProblem = code;
  if (email !== undefined) context.locals.newsletterEmail = email;
  // The box stays ticked if it was: nothing the visitor did is lost.
  context.locals.newsletterConsent = consented;
  // Rewritten as a GET: the page only shows; the body was read here already.
  const target = new URL(localePath(lang, '/newsletter/problem/'), context.url);
  const page = await context.rewrite(new Request(target, { headers: context.request.headers }));
  return new Response(page.body, {
    status,
    headers: { ...Object.fromEntries(page.headers), ...headers },
  });
}

export async function POST(context: APIContext): Promise<Response> {
  const { request, url } = context;
  drainSoon();
  const type = bodyType(request);
  const json = wantsJson(request, type);
  let siteUrl: string;
  try {
    siteUrl = settings().siteUrl;
  } catch (error) {
    console.error('[newsletter] settings:', error instanceof ConfigError ? error.message : 'error');
    return problem(context, 'server-error', answerLanguage(undefined, request), json);
  }
  if (isCrossSite(request, url, siteUrl))
    return problem(context, 'cross-site', answerLanguage(undefined, request), json);
  if (!type) return problem(context, 'unsupported-type', answerLanguage(undefined, request), json);
  const body = await readLimited(request, maxBodyBytes);
  if (body === undefined)
    return problem(context, 'too-large', answerLanguage(undefined, request), json);
  const fields = fieldsOf(body, type);
  if (!fields) return problem(context, 'bad-body', answerLanguage(undefined, request), json);
  const lang = answerLanguage(fields, request);
  const parsed = parseSignup(fields);
  if ('problem' in parsed) {
    // Give back what was typed, unless it is what made the request unsafe to echo.
    const typed =
      parsed.problem === 'control-characters' ? undefined : fields.get('email')?.[0]?.slice(0, 254);
    const ticked = ['yes', 'on', 'true'].includes(fields.get('consent')?.[0] ?? '');
    return problem(context, parsed.problem, lang, json, {}, typed, ticked);
  }
  const { signup } = parsed;

  try {
    const service = await newsletter();
    const { config, db } = service;
    if (
      !(await withinRateLimit(
        db,
        clientKey(config.secret, clientAddress(request, context.clientAddress, config.trustProxy)),
        config.rateLimit,
        config.rateWindowMs,
      ))
    ) {
      return problem(context, 'too-many-requests', lang, json, {
        'Retry-After': String(Math.ceil(config.rateWindowMs / 1000)),
      });
    }
    // A filled honeypot gets the usual answer; nothing is stored.
    if (!signup.bot) {
      const { t, dir } = await localeText(signup.lang);
      // The configured public address: a request's Host header must never choose the links.
      const origin = config.siteUrl;
      await subscribe(
        db,
        config.secret,
        signup,
        (links) =>
          confirmationMail(
            signup.email,
            signup.lang,
            dir,
            {
              subject: t('mail.confirm.subject'),
              greeting: t('mail.confirm.greeting'),
              action: t('mail.confirm.action'),
              button: t('mail.confirm.button'),
              expiry: t('mail.confirm.expiry'),
              ignore: t('mail.confirm.ignore'),
              leave: t('mail.leave'),
              signature: t('site.name'),
            },
            links,
          ),
        {
          confirmUrl: (token) =>
            `${origin}${localePath(signup.lang, '/newsletter/confirm/')}?token=${token}`,
          unsubscribeUrl: (token) => `${origin}/api/newsletter/unsubscribe?token=${token}`,
        },
      );
      drainSoon();
    }
  } catch (error) {
    // The message of a configuration error is safe and useful; others may quote input.
    console.error(
      '[newsletter] signup failed:',
      error instanceof ConfigError ? error.message : error instanceof Error ? error.name : 'error',
    );
    return problem(context, 'server-error', lang, json);
  }

  const checkEmail = localePath(signup.lang, '/newsletter/check-email/');
  if (json) {
    const { t } = await localeText(signup.lang);
    return Response.json(
      { ok: true, next: checkEmail, message: t('newsletter.sent.body') },
      { status: 200, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  return new Response(null, {
    status: 303,
    headers: { Location: checkEmail, 'Cache-Control': 'no-store' },
  });
}

export async function ALL({ request }: APIContext): Promise<Response> {
  const { t } = await localeText(answerLanguage(undefined, request));
  return Response.json(
    { ok: false, problem: 'method-not-allowed', message: t('problem.bad-request') },
    { status: 405, headers: { Allow: 'POST', 'Cache-Control': 'no-store' } },
  );
}
