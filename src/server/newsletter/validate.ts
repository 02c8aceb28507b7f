/**
 * Checks a signup before anything is stored. Each problem has a code, an HTTP status and a
 * message key in the UI strings, so the answer speaks the subscriber's language.
 */
import { isLocale, type Locale } from '../../lib/locales.ts';

export type Problem =
  | 'method-not-allowed'
  | 'unsupported-type'
  | 'too-large'
  | 'cross-site'
  | 'bad-body'
  | 'control-characters'
  | 'invalid-email'
  | 'email-too-long'
  | 'several-addresses'
  | 'unknown-language'
  | 'missing-consent'
  | 'too-many-requests'
  | 'server-error';

export const problemStatus: Record<Problem, number> = {
  'method-not-allowed': 405,
  'unsupported-type': 415,
  'too-large': 413,
  'cross-site': 403,
  'bad-body': 400,
  'control-characters': 400,
  'invalid-email': 400,
  'email-too-long': 400,
  'several-addresses': 400,
  'unknown-language': 400,
  'missing-consent': 422,
  'too-many-requests': 429,
  'server-error': 503,
};

/** Largest body accepted, in bytes: a signup is well under 1 KB. */
export const maxBodyBytes = 4096;

export interface Signup {
  email: string;
  lang: Locale;
  /** The honeypot was filled: answer as usual, store nothing. */
  bot: boolean;
}

/** The fields of a form or JSON body: each name with every value it was given. */
export type Fields = Map<string, string[]>;

const controlCharacters = /[\r\n\0]/;
// Characters a reader cannot see or that reorder what they see (U+202E, U+200B, U+FEFF, private
// use, lone surrogates, the replacement character): an address with one is not what it shows.
const invisibleCharacters = /[\p{Cf}\p{Co}\p{Cs}\uFFFD]/u;
// One address: no spaces, commas, semicolons or angle brackets; exactly one @.
const addressShape = /^[^\s@,;<>"()[\]\\]+@[^\s@,;<>"()[\]\\]+$/;
const domainLabel = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** Problem with an address, if any, e.g. 'ana@x' => 'invalid-email'. Expects it trimmed. */
export function emailProblem(email: string): Problem | undefined {
  if (email.length === 0) return 'invalid-email';
  if (email.length > 254) return 'email-too-long';
  if (invisibleCharacters.test(email)) return 'invalid-email';
  if ((email.match(/@/g) ?? []).length > 1 || /[,;\s]/.test(email)) return 'several-addresses';
  if (!addressShape.test(email)) return 'invalid-email';
  const [local = '', domain = ''] = email.split('@');
  if (local.length > 64) return 'email-too-long';
  const labels = domain.split('.');
  if (labels.some((label) => label.length > 63)) return 'email-too-long';
  if (labels.length < 2 || !labels.every((label) => domainLabel.test(label)))
    return 'invalid-email';
  if (/^\.|\.\.|\.$/.test(local)) return 'invalid-email';
  return undefined;
}

/** The signup in `fields`, or the first problem with it. */
export function parseSignup(fields: Fields): { signup: Signup } | { problem: Problem } {
  for (const values of fields.values()) {
    if (values.some((v) => controlCharacters.test(v))) return { problem: 'control-characters' };
  }
  const one = (name: string) => fields.get(name) ?? [];
  if (one('email').length > 1) return { problem: 'several-addresses' };
  const lang = one('lang')[0] ?? '';
  if (one('lang').length > 1 || !isLocale(lang)) return { problem: 'unknown-language' };
  const typed = one('email')[0] ?? '';
  // Before trimming, which would drop a U+FEFF at either end.
  if (invisibleCharacters.test(typed)) return { problem: 'invalid-email' };
  const email = typed.trim().toLowerCase();
  const problem = emailProblem(email);
  if (problem) return { problem };
  const consent = one('consent')[0];
  if (!consent || !['yes', 'on', 'true'].includes(consent)) return { problem: 'missing-consent' };
  const bot = one('website').some((v) => v.trim() !== '');
  return { signup: { email, lang, bot } };
}

/** Form or JSON body as fields; JSON must be an object of strings (or booleans for consent). */
export function fieldsOf(body: string, type: 'form' | 'json'): Fields | undefined {
  const fields: Fields = new Map();
  const add = (name: string, value: string) =>
    fields.set(name, [...(fields.get(name) ?? []), value]);
  if (type === 'form') {
    for (const [name, value] of new URLSearchParams(body)) add(name, value);
    return fields;
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  for (const [name, value] of Object.entries(data)) {
    if (typeof value === 'string') add(name, value);
    else if (typeof value === 'boolean') add(name, value ? 'true' : '');
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
      value.forEach((v) => add(name, v));
    else return undefined;
  }
  return fields;
}
