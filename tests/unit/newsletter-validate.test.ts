import { describe, expect, it } from 'vitest';
import { emailProblem } from '../../src/lib/email-address';
import { fieldsOf } from '../../src/server/forms/fields';
import { parseSignup } from '../../src/server/newsletter/validate';

const signup = (email: string) =>
  parseSignup(
    new Map([
      ['email', [email]],
      ['lang', ['it']],
      ['consent', ['yes']],
    ]),
  );

describe('addresses a reader cannot see as stored', () => {
  it('takes a plain address, accents in the local part included', () => {
    expect(emailProblem('ana@example.org')).toBeUndefined();
    expect(emailProblem('josé@example.org')).toBeUndefined();
  });

  it.each([
    ['right-to-left override U+202E', 'ana\u202Egro@example.org'],
    ['zero-width space U+200B', 'an\u200Ba@example.org'],
    ['zero-width joiner U+200D', 'an\u200Da@example.org'],
    ['soft hyphen U+00AD', 'an\u00ADa@example.org'],
    ['private use U+E000', 'an\uE000a@example.org'],
    ['lone surrogate', 'an\uD800a@example.org'],
    ['replacement character U+FFFD', 'an\uFFFDa@example.org'],
  ])('refuses a %s', (_name, email) => {
    expect(emailProblem(email)).toBe('invalid-email');
    expect(signup(email)).toEqual({ problem: 'invalid-email' });
  });

  it('refuses a byte-order mark at either end, which trimming would hide', () => {
    expect(signup('\uFEFFana@example.org')).toEqual({ problem: 'invalid-email' });
    expect(signup('ana@example.org\uFEFF')).toEqual({ problem: 'invalid-email' });
  });
});

describe('a signup read from its fields', () => {
  const fields = (entries: Record<string, string[]>) => new Map(Object.entries(entries));
  const ok = { email: ['Ana@Example.org '], lang: ['ar'], consent: ['on'] };

  it('is trimmed and lower-cased, in a language of the site', () => {
    expect(parseSignup(fields(ok))).toEqual({
      signup: { email: 'ana@example.org', lang: 'ar', bot: false },
    });
  });

  it.each([
    [
      'two addresses in one field',
      { ...ok, email: ['a@example.org, b@example.org'] },
      'several-addresses',
    ],
    ['the field twice', { ...ok, email: ['a@example.org', 'b@example.org'] }, 'several-addresses'],
    ['a language the site does not have', { ...ok, lang: ['de'] }, 'unknown-language'],
    ['no language', { email: ok.email, consent: ok.consent }, 'unknown-language'],
    ['no consent', { ...ok, consent: [''] }, 'missing-consent'],
    [
      'a line break (header injection)',
      { ...ok, email: ['a@example.org\r\nBcc: x@y.z'] },
      'control-characters',
    ],
    [
      'a Cyrillic letter in a Latin domain label',
      { ...ok, email: ['ana@exаmple.org'] },
      'invalid-email',
    ],
    ['no dot in the domain', { ...ok, email: ['ana@example'] }, 'invalid-email'],
  ])('refuses %s', (_name, entries, problem) => {
    expect(parseSignup(fields(entries))).toEqual({ problem });
  });

  it('marks a filled honeypot as a bot, to answer as usual and store nothing', () => {
    expect(parseSignup(fields({ ...ok, website: ['http://spam.example'] }))).toMatchObject({
      signup: { bot: true },
    });
  });

  it('reads form and JSON bodies alike, and refuses JSON that is not an object of strings', () => {
    expect(fieldsOf('email=a%40b.c&consent=yes&lang=it', 'form')?.get('email')).toEqual(['a@b.c']);
    expect(fieldsOf('{"email":"a@b.c","consent":true}', 'json')?.get('consent')).toEqual(['true']);
    expect(fieldsOf('{"email":["a@b.c","d@e.f"]}', 'json')?.get('email')).toHaveLength(2);
    expect(fieldsOf('[1]', 'json')).toBeUndefined();
    expect(fieldsOf('{"email":{"x":1}}', 'json')).toBeUndefined();
    expect(fieldsOf('{', 'json')).toBeUndefined();
  });
});
