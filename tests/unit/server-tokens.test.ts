import { describe, expect, it } from 'vitest';
import {
  confirmToken,
  emailHash,
  looksLikeToken,
  randomToken,
  tokenFiller,
  tokenHash,
  tokenMarks,
  unsubscribeToken,
  verifyUnsubscribeToken,
} from '../../src/server/newsletter/tokens';

const secret = 's'.repeat(32);

describe('confirmation tokens', () => {
  it('are 128 random bits in 22 URL-safe characters, never twice the same', () => {
    const tokens = Array.from({ length: 100 }, randomToken);
    expect(tokens.every(looksLikeToken)).toBe(true);
    expect(new Set(tokens).size).toBe(100);
  });

  it('are stored as a hash only', () => {
    const token = randomToken();
    expect(tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash(token)).toBe(tokenHash(token));
    expect(tokenHash(token)).not.toContain(token);
  });

  it('go into a stored mail only at sending, the same at every try, never without the secret', () => {
    const seed = randomToken();
    const hash = emailHash(secret, 'amina@example.org');
    const link = `https://polo.example/ta/newsletter/confirm/?token=${tokenMarks.confirm(seed)}`;
    const leave = `https://polo.example/api/newsletter/unsubscribe?token=${tokenMarks.leave}`;
    const stored = JSON.stringify({ text: `${link}\n${leave}`, html: `<a href="${link}">` });
    const sent = tokenFiller(secret)(stored, hash);
    const token = confirmToken(secret, seed);
    expect(looksLikeToken(token)).toBe(true);
    expect(JSON.parse(sent)).toEqual({
      text: `https://polo.example/ta/newsletter/confirm/?token=${token}\nhttps://polo.example/api/newsletter/unsubscribe?token=${unsubscribeToken(secret, hash)}`,
      html: `<a href="https://polo.example/ta/newsletter/confirm/?token=${token}">`,
    });
    // A crash between the try and the delete: the retry sends the same link.
    expect(tokenFiller(secret)(stored, hash)).toBe(sent);
    expect(tokenFiller('t'.repeat(32))(stored, hash)).not.toContain(token);
    expect(stored).not.toContain(token);
    // A mail with no marks (to the staff) goes as it was stored.
    expect(tokenFiller(secret)('{"text":"~ ~"}', 'report:1')).toBe('{"text":"~ ~"}');
  });

  it.each([null, undefined, '', 'short', `${'A'.repeat(21)}=`, 'A'.repeat(23)])(
    'are refused by shape before any look-up: %s',
    (token) => {
      expect(looksLikeToken(token)).toBe(false);
    },
  );
});

describe('links to leave', () => {
  const hash = emailHash(secret, 'ana@example.org');

  it('name the keyed fingerprint of the address, not the address', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(emailHash('another secret, just as long as it...', 'ana@example.org')).not.toBe(hash);
    expect(verifyUnsubscribeToken(secret, unsubscribeToken(secret, hash))).toBe(hash);
  });

  it('cannot be forged: another secret, another address or a changed signature fail', () => {
    const token = unsubscribeToken(secret, hash);
    const other = emailHash(secret, 'bob@example.org');
    expect(verifyUnsubscribeToken('t'.repeat(32), token)).toBeUndefined();
    expect(verifyUnsubscribeToken(secret, `${other}.${token.split('.')[1]}`)).toBeUndefined();
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyUnsubscribeToken(secret, flipped)).toBeUndefined();
    expect(verifyUnsubscribeToken(secret, hash)).toBeUndefined();
    expect(verifyUnsubscribeToken(secret, `x.${token.split('.')[1]}`)).toBeUndefined();
  });
});
