import { describe, expect, it } from 'vitest';
import {
  emailHash,
  looksLikeToken,
  randomToken,
  tokenHash,
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
