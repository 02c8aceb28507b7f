import { describe, expect, it } from 'vitest';
import { emailProblem, parseSignup } from '../../src/server/newsletter/validate';

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
