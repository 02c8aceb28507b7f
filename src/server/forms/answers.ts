/**
 * A form endpoint's answers, never cached: JSON for the page's script, or for a plain form the
 * next page (success) or a page of the site that explains the problem, in the reader's language.
 */
import type { APIContext } from 'astro';
import { localeText } from '../../page-data/content';
import { isLocale, sourceLocale, type Locale } from '../../lib/locales.ts';
import { localeOfPath } from '../../lib/paths.ts';
import type { Fields } from './fields.ts';
import { requestProblems } from './problems.ts';

/** Language of the answer: the form's, else the page the form was on, else Italian. */
export function answerLanguage(fields: Fields | undefined, request: Request): Locale {
  const lang = fields?.get('lang')?.[0];
  if (isLocale(lang)) return lang;
  const referer = request.headers.get('referer');
  return (
    (referer && URL.canParse(referer) && localeOfPath(new URL(referer).pathname)) || sourceLocale
  );
}

/** How a refusal is answered: JSON for a page's script, or a page of the site rewritten as a GET. */
export interface Refusal {
  status: number;
  /** The problem's code and its message in the reader's language, for JSON. */
  code: string;
  message: string;
  json: boolean;
  /** The site page that explains the problem to a plain form (its locals are set already). */
  page: string;
  headers?: Record<string, string> | undefined;
}

export async function refusalAnswer(
  context: APIContext,
  { status, code, message, json, page, headers: extra = {} }: Refusal,
): Promise<Response> {
  const headers = { 'Cache-Control': 'no-store', ...extra };
  if (json) return Response.json({ ok: false, problem: code, message }, { status, headers });
  // Rewritten as a GET: the page only shows; the body was read here already.
  const target = new URL(page, context.url);
  const shown = await context.rewrite(new Request(target, { headers: context.request.headers }));
  return new Response(shown.body, {
    status,
    headers: { ...Object.fromEntries(shown.headers), ...headers },
  });
}

/** Success: JSON with the page to show next (the page's script), or 303 to it (a plain form). */
export function acceptedAnswer(next: string, message: string, json: boolean): Response {
  const headers = { 'Cache-Control': 'no-store' };
  if (json) return Response.json({ ok: true, next, message }, { status: 200, headers });
  return new Response(null, { status: 303, headers: { Location: next, ...headers } });
}

/** Any method but POST on a form's endpoint: 405, in the language of the page it came from. */
export async function postOnly({ request }: APIContext): Promise<Response> {
  const { t } = await localeText(answerLanguage(undefined, request));
  const { status, message } = requestProblems['method-not-allowed'];
  return Response.json(
    { ok: false, problem: 'method-not-allowed', message: t(message) },
    { status, headers: { Allow: 'POST', 'Cache-Control': 'no-store' } },
  );
}
