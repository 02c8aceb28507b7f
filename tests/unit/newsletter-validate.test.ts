import { describe, expect, it } from 'vitest';
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

describe('the address of a signup', () => {
  it('is stored as the mailer sends to it', () => {
    expect(signup(' Ana@Example.ORG ')).toMatchObject({ signup: { email: 'ana@example.org' } });
  });

  it.each([
    ['group syntax', 'grp:victim@example.org;', 'address-only'],
    ['a display name', 'Ana <ana@example.org>', 'address-only'],
    ['an ESC', 'vic\u001btim@example.org', 'hidden-characters'],
    ['a C1 control', 'vic\u0085tim@example.org', 'hidden-characters'],
    [
      'a byte-order mark at either end, which trimming would hide',
      '\uFEFFana@example.org',
      'hidden-characters',
    ],
  ])('refuses %s', (_name, email, problem) => {
    expect(signup(email)).toEqual({ problem });
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
    expect(
      fieldsOf('{"email":"a@b.c","consent":true}', 'json', ['consent'])?.get('consent'),
    ).toEqual(['true']);
    expect(fieldsOf('{"email":["a@b.c","d@e.f"]}', 'json')?.get('email')).toHaveLength(2);
    expect(fieldsOf('[1]', 'json')).toBeUndefined();
    expect(fieldsOf('{"email":{"x":1}}', 'json')).toBeUndefined();
    expect(fieldsOf('{', 'json')).toBeUndefined();
  });

  it.each([
    ['true for a text field', '{"report":true}'],
    ['false for a text field', '{"email":false}'],
    ['a number', '{"report":42}'],
    ['null', '{"report":null}'],
    ['an object', '{"report":{"text":"x"}}'],
    ['an array holding a boolean', '{"report":[true]}'],
  ])('refuses JSON with %s, never reading it as text', (_name, body) => {
    expect(fieldsOf(body, 'json', ['consent'])).toBeUndefined();
  });

  it('takes true or false only for the checkboxes the form declares', () => {
    expect(fieldsOf('{"consent":false}', 'json', ['consent'])?.get('consent')).toEqual(['']);
    expect(fieldsOf('{"consent":true}', 'json')).toBeUndefined();
  });
});
