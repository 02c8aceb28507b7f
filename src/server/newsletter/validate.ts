/**
 * Checks a signup before anything is stored. Each problem has a code, an HTTP status and a
 * message key in the UI strings, so the answer speaks the subscriber's language.
 */
import { isLocale, type Locale } from '../../lib/locales.ts';
import type { UiKey } from '../../schemas/ui.ts';
import { readAddress } from '../../lib/email-address.ts';
import { honeypotFilled, ticked, type Fields } from '../forms/fields.ts';
import { fieldProblems, requestProblems, type ProblemTable } from '../forms/problems.ts';

/** What can be wrong with a signup: those of every form, and its own. */
export const signupProblems = {
  ...requestProblems,
  ...fieldProblems,
  'control-characters': { status: 400, message: 'problem.control-characters' },
  'missing-consent': { status: 422, message: 'problem.missing-consent' },
} as const satisfies ProblemTable<string>;

export type Problem = keyof typeof signupProblems;

/** The UI string that explains a problem to the subscriber. */
export const problemMessageKey = (problem: Problem): UiKey => signupProblems[problem].message;

/** Largest body accepted, in bytes: a signup is well under 1 KB. */
export const maxSignupBodyBytes = 4096;

export interface Signup {
  /** As the mailer sends to it (see readAddress): stored, fingerprinted and compared so. */
  email: string;
  lang: Locale;
  /** The honeypot was filled: answer as usual, store nothing. */
  bot: boolean;
}

const controlCharacters = /[\r\n\0]/;

/** The signup in `fields`, or the first problem with it. */
export function parseSignup(fields: Fields): { signup: Signup } | { problem: Problem } {
  for (const values of fields.values()) {
    if (values.some((v) => controlCharacters.test(v))) return { problem: 'control-characters' };
  }
  const one = (name: string) => fields.get(name) ?? [];
  if (one('email').length > 1) return { problem: 'several-addresses' };
  const lang = one('lang')[0] ?? '';
  if (one('lang').length > 1 || !isLocale(lang)) return { problem: 'unknown-language' };
  const read = readAddress(one('email')[0] ?? '');
  if ('problem' in read) return read;
  if (!ticked(one('consent')[0])) return { problem: 'missing-consent' };
  return { signup: { email: read.address, lang, bot: honeypotFilled(fields) } };
}
