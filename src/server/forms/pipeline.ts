/**
 * One pipeline for every form the site posts: read the body (another site, another type, too
 * large, unreadable), read the fields (the form's parser, the honeypot), limit the rate, store,
 * then answer in the reader's language. A form declares what is its own (`FormDeclaration`);
 * `formPost` makes its POST handler.
 */
import type { APIContext } from 'astro';
import type { UiKey } from '../../schemas/ui.ts';
import type { Locale } from '../../lib/locales.ts';
import { localePath } from '../../lib/paths.ts';
import { localeText } from '../../page-data/content';
import { bodyType, clientAddress, isCrossSite, readLimited, wantsJson } from '../core/request.ts';
import { clientKey, withinRateLimit } from '../core/rate-limit.ts';
import { services, settings, type Services } from '../core/runtime.ts';
import { SettingsError } from '../../settings/settings.ts';
import { acceptedAnswer, answerLanguage, refusalAnswer } from './answers.ts';
import { fieldsOf, fieldsOfCutForm, type Fields } from './fields.ts';
import type { ProblemTable, RequestProblem } from './problems.ts';

/** What a form reads from its fields: at least the reader's language and the honeypot. */
export interface FormValue {
  lang: Locale;
  /** The honeypot was filled: answer as usual, store nothing. */
  bot: boolean;
}

/**
 * A form: what it reads, what can be wrong with it, where it is kept and where the reader goes
 * next. `Code` is every problem it answers, the pipeline's own (`RequestProblem`) included.
 */
export interface FormDeclaration<Code extends string, Value extends FormValue, Typed> {
  /** Log lines, e.g. `{ tag: '[reports]', failure: 'report failed:' }`. */
  log: { tag: string; failure: string };
  /** Largest body accepted, in bytes; a larger one is refused unread. */
  maxBodyBytes: number;
  /** Its checkboxes, the only fields a JSON body may give as true or false, e.g. ['consent']. */
  checkboxes: readonly string[];
  problems: ProblemTable<Code | RequestProblem>;
  /** Values the problems' messages name, e.g. `{ max: 2000 }` for 'at most {max} characters'. */
  messageVars?: Record<string, string | number>;
  /** The value in `fields`, or the first problem with it; `siteUrl` is the site's public address. */
  parse(fields: Fields, siteUrl: string): { value: Value } | { problem: Code };
  /** What the reader typed, to give back with `problem` on the form page, if anything. */
  typed(fields: Fields, problem: Code | RequestProblem): Typed | undefined;
  /** Sets what the form page shows when a plain form is refused. */
  show(locals: App.Locals, problem: Code | RequestProblem, typed: Typed | undefined): void;
  /** The page that shows the form again with the problem, e.g. '/newsletter/problem/'. */
  problemPage: string;
  /**
   * Work each post starts first, in the background (signups received earlier, mail due): the
   * server's jobs, handed in so that the pipeline stays below them.
   */
  background(): void;
  /** Prefix of this form's rate counters, so that each form is counted apart. */
  rateBucket: string;
  /** Keeps a value (never called for a bot's); throws when it cannot. */
  store(value: Value, server: Services): Promise<void>;
  /** Where a plain form goes once the value is stored, and the message the page's script shows. */
  done: { page: string; message: UiKey };
}

interface RefusalOptions<Typed> {
  lang: Locale;
  json: boolean;
  typed?: Typed | undefined;
  headers?: Record<string, string>;
}

/** The POST handler of `form`. */
export function formPost<Code extends string, Value extends FormValue, Typed>(
  form: FormDeclaration<Code, Value, Typed>,
): (context: APIContext) => Promise<Response> {
  /** The answer to `code`: its status, never cached, with the message in `lang`. */
  async function refuse(
    context: APIContext,
    code: Code | RequestProblem,
    { lang, json, typed, headers }: RefusalOptions<Typed>,
  ): Promise<Response> {
    if (!json) form.show(context.locals, code, typed);
    const { t } = await localeText(lang);
    const { status, message } = form.problems[code];
    return refusalAnswer(context, {
      status,
      code,
      message: t(message, form.messageVars),
      json,
      page: localePath(lang, form.problemPage),
      headers,
    });
  }

  /**
   * The request's fields, or why it is refused: another site, another type, too large,
   * unreadable. A body too large comes with the fields of its first `maxBodyBytes`, so that the
   * form is given back with what was typed.
   */
  async function readFields(
    context: APIContext,
  ): Promise<{ fields: Fields; siteUrl: string } | { problem: RequestProblem; fields?: Fields }> {
    const { request, url } = context;
    let siteUrl: string;
    try {
      siteUrl = settings().siteUrl;
    } catch (error) {
      console.error(
        `${form.log.tag} settings:`,
        error instanceof SettingsError ? error.message : 'error',
      );
      return { problem: 'server-error' };
    }
    if (isCrossSite(request, url, siteUrl)) return { problem: 'cross-site' };
    const type = bodyType(request);
    if (!type) return { problem: 'unsupported-type' };
    const body = await readLimited(request, form.maxBodyBytes);
    if (!body.whole) {
      const fields = type === 'form' ? fieldsOfCutForm(body.text) : undefined;
      return { problem: 'too-large', ...(fields ? { fields } : {}) };
    }
    const fields = fieldsOf(body.text, type, form.checkboxes);
    return fields ? { fields, siteUrl } : { problem: 'bad-body' };
  }

  /** Whether this client may post the form again now (counted by a keyed fingerprint of its address). */
  function withinLimit(context: APIContext, { db, config }: Services): Promise<boolean> {
    const address = clientAddress(context.request, context.clientAddress, config.trustProxy);
    return withinRateLimit(
      db,
      `${form.rateBucket}${clientKey(config.secret, address)}`,
      config.rateLimit,
      config.rateWindowMs,
    );
  }

  return async (context) => {
    form.background();
    const json = wantsJson(context.request, bodyType(context.request));
    const read = await readFields(context);
    if ('problem' in read) {
      const lang = answerLanguage(read.fields, context.request);
      const typed = read.fields && form.typed(read.fields, read.problem);
      return refuse(context, read.problem, { lang, json, typed });
    }
    const { fields, siteUrl } = read;
    const lang = answerLanguage(fields, context.request);
    const parsed = form.parse(fields, siteUrl);
    if ('problem' in parsed) {
      const typed = form.typed(fields, parsed.problem);
      return refuse(context, parsed.problem, { lang, json, typed });
    }
    const { value } = parsed;
    try {
      const service = await services();
      if (!(await withinLimit(context, service))) {
        const retryAfter = String(Math.ceil(service.config.rateWindowMs / 1000));
        return refuse(context, 'too-many-requests', {
          lang,
          json,
          typed: form.typed(fields, 'too-many-requests'),
          headers: { 'Retry-After': retryAfter },
        });
      }
      // A filled honeypot gets the usual answer; nothing is stored.
      if (!value.bot) await form.store(value, service);
    } catch (error) {
      // The message of a configuration error is safe and useful; others may quote input.
      console.error(
        `${form.log.tag} ${form.log.failure}`,
        error instanceof SettingsError
          ? error.message
          : error instanceof Error
            ? error.name
            : 'error',
      );
      return refuse(context, 'server-error', {
        lang,
        json,
        typed: form.typed(fields, 'server-error'),
      });
    }
    const { t } = await localeText(value.lang);
    return acceptedAnswer(localePath(value.lang, form.done.page), t(form.done.message), json);
  };
}
