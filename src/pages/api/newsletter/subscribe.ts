/**
 * POST /api/newsletter/subscribe: form encoding (a plain HTML form) or JSON (the page's script).
 * Success is the same answer for every address, whatever its state, after the same work:
 * the signup is written as received, and settled after the answer. Problems get a 4xx in the
 * subscriber's language, and nothing is stored.
 */
import type { APIContext } from 'astro';
import { localeText } from '../../../page-data/content';
import type { Locale } from '../../../lib/locales';
import { localePath } from '../../../lib/paths';
import {
  acceptedAnswer,
  answerLanguage,
  postOnly,
  problemAnswer,
} from '../../../server/newsletter/answers';
import { SettingsError, type ServerSettings } from '../../../server/core/settings';
import {
  bodyType,
  clientAddress,
  isCrossSite,
  readLimited,
  wantsJson,
} from '../../../server/core/request';
import { confirmationMail, type OutgoingMail } from '../../../server/newsletter/mail';
import { clientKey, drainSoon, newsletter, settings } from '../../../server/core/runtime';
import { receiveSignup, withinRateLimit } from '../../../server/newsletter/store';
import {
  fieldsOf,
  maxBodyBytes,
  parseSignup,
  type Fields,
  type Problem,
  type Signup,
} from '../../../server/newsletter/validate';

export const prerender = false;

/** A problem found before the signup was read, answered in the language of the referring page. */
type Refusal = { problem: Problem };

/** The request's fields, or why it is refused: another site, another type, too large, unreadable. */
async function readFields(context: APIContext): Promise<{ fields: Fields } | Refusal> {
  const { request, url } = context;
  let siteUrl: string;
  try {
    siteUrl = settings().siteUrl;
  } catch (error) {
    console.error(
      '[newsletter] settings:',
      error instanceof SettingsError ? error.message : 'error',
    );
    return { problem: 'server-error' };
  }
  if (isCrossSite(request, url, siteUrl)) return { problem: 'cross-site' };
  const type = bodyType(request);
  if (!type) return { problem: 'unsupported-type' };
  const body = await readLimited(request, maxBodyBytes);
  if (body === undefined) return { problem: 'too-large' };
  const fields = fieldsOf(body, type);
  return fields ? { fields } : { problem: 'bad-body' };
}

/** What the visitor typed, to show again with a problem, unless it is unsafe to echo. */
function typedBack(fields: Fields, problem: Problem) {
  return {
    email: problem === 'control-characters' ? undefined : fields.get('email')?.[0]?.slice(0, 254),
    consented: ['yes', 'on', 'true'].includes(fields.get('consent')?.[0] ?? ''),
  };
}

/** Whether this client may sign up again now (counted by a keyed fingerprint of its address). */
function withinLimit(context: APIContext, { db, config }: Awaited<ReturnType<typeof newsletter>>) {
  const address = clientAddress(context.request, context.clientAddress, config.trustProxy);
  return withinRateLimit(
    db,
    clientKey(config.secret, address),
    config.rateLimit,
    config.rateWindowMs,
  );
}

/** The confirmation mail of `signup`, with links on the configured address, never the Host. */
async function composer(signup: Signup, config: ServerSettings) {
  const { t, dir } = await localeText(signup.lang);
  const origin = config.siteUrl;
  return {
    compose: (links: { confirm: string; unsubscribe: string }): OutgoingMail =>
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
    links: {
      confirmUrl: (token: string) =>
        `${origin}${localePath(signup.lang, '/newsletter/confirm/')}?token=${token}`,
      unsubscribeUrl: (token: string) => `${origin}/api/newsletter/unsubscribe?token=${token}`,
    },
  };
}

/** The same answer for every address: see your mail (JSON), or the page that says so. */
async function accepted(lang: Locale, json: boolean): Promise<Response> {
  const { t } = await localeText(lang);
  return acceptedAnswer(
    localePath(lang, '/newsletter/check-email/'),
    t('newsletter.sent.body'),
    json,
  );
}

export async function POST(context: APIContext): Promise<Response> {
  // Signups received earlier and mail due go first, in the background.
  drainSoon();
  const json = wantsJson(context.request, bodyType(context.request));
  const read = await readFields(context);
  if ('problem' in read) {
    const lang = answerLanguage(undefined, context.request);
    return problemAnswer(context, read.problem, { lang, json });
  }
  const lang = answerLanguage(read.fields, context.request);
  const parsed = parseSignup(read.fields);
  if ('problem' in parsed) {
    const typed = typedBack(read.fields, parsed.problem);
    return problemAnswer(context, parsed.problem, { lang, json, typed });
  }
  const { signup } = parsed;
  try {
    const service = await newsletter();
    if (!(await withinLimit(context, service))) {
      const retryAfter = String(Math.ceil(service.config.rateWindowMs / 1000));
      return problemAnswer(context, 'too-many-requests', {
        lang,
        json,
        headers: { 'Retry-After': retryAfter },
      });
    }
    // A filled honeypot gets the usual answer; nothing is stored.
    if (!signup.bot) {
      const { compose, links } = await composer(signup, service.config);
      await receiveSignup(service.db, service.config.secret, signup, compose, links);
      drainSoon();
    }
  } catch (error) {
    // The message of a configuration error is safe and useful; others may quote input.
    console.error(
      '[newsletter] signup failed:',
      error instanceof SettingsError
        ? error.message
        : error instanceof Error
          ? error.name
          : 'error',
    );
    return problemAnswer(context, 'server-error', { lang, json });
  }
  return accepted(signup.lang, json);
}

/** Any other method: 405 with `Allow: POST`. */
export const ALL = postOnly;
