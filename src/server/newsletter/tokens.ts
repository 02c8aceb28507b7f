/**
 * Tokens and fingerprints. A confirmation token is made from a random seed with the secret and
 * the database keeps only its hash; links to leave are signed. A mail waiting to be sent holds
 * marks where its tokens go (`tokenMarks`), filled in at sending (`tokenFiller`), so that no
 * stored row holds a working link: the database file alone confirms and leaves for nobody.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 128 random bits, URL-safe, e.g. 'q3vV…' (22 characters). */
export function randomToken(): string {
  return randomBytes(16).toString('base64url');
}

/** The confirmation token of `seed` (22 characters, 128 bits): the same whenever it is made again. */
export function confirmToken(secret: string, seed: string): string {
  return createHmac('sha256', secret).update(`confirm:${seed}`).digest('base64url').slice(0, 22);
}

/**
 * Where a stored mail's tokens go: characters that URLs, HTML and JSON keep as they are, e.g.
 * '~confirm.q3vV…~' and '~leave~'.
 */
export const tokenMarks = {
  confirm: (seed: string) => `~confirm.${seed}~`,
  leave: '~leave~',
};

/**
 * What the outbox's sender does to a stored mail (its JSON) before sending it: fills its marks
 * with the confirmation token of each seed and the signed token to leave of the row's address
 * fingerprint (`tag`). A mail without marks (to the staff) is sent as it was stored.
 */
export const tokenFiller =
  (secret: string) =>
  (message: string, tag: string): string =>
    message
      .replace(/~confirm\.([A-Za-z0-9_-]{22})~/g, (_, seed: string) => confirmToken(secret, seed))
      .replaceAll(tokenMarks.leave, () => unsubscribeToken(secret, tag));

/** What the database keeps of a token: its SHA-256. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Keyed fingerprint of an address, so a left subscriber can be recognised without keeping it. */
export function emailHash(secret: string, email: string): string {
  return createHmac('sha256', secret).update(`email:${email}`).digest('hex');
}

const mac = (secret: string, hash: string) =>
  createHmac('sha256', secret).update(`unsubscribe:${hash}`).digest('base64url').slice(0, 22);

/** Token of the link to leave, valid for as long as the subscription, e.g. '<hash>.<mac>'. */
export function unsubscribeToken(secret: string, hash: string): string {
  return `${hash}.${mac(secret, hash)}`;
}

/** The address fingerprint a link to leave was made for, or undefined if forged. */
export function verifyUnsubscribeToken(secret: string, token: string): string | undefined {
  const [hash, signature] = token.split('.');
  if (!hash || !signature || !/^[0-9a-f]{64}$/.test(hash)) return undefined;
  const expected = Buffer.from(mac(secret, hash));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? hash : undefined;
}

/** Shape of a confirmation token, checked before any database look-up. */
export function looksLikeToken(token: string | null | undefined): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{22}$/.test(token);
}
