/**
 * An e-mail address typed into a form or a setting: one address, well formed, and shown as it
 * is stored.
 */

export type AddressProblem = 'invalid-email' | 'email-too-long' | 'several-addresses';

// Characters a reader cannot see or that reorder what they see (U+202E, U+200B, U+FEFF, private
// use, lone surrogates, the replacement character): an address with one is not what it shows.
export const invisibleCharacters = /[\p{Cf}\p{Co}\p{Cs}\uFFFD]/u;
// One address: no spaces, commas, semicolons or angle brackets; exactly one @.
const addressShape = /^[^\s@,;<>"()[\]\\]+@[^\s@,;<>"()[\]\\]+$/;
const domainLabel = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** Problem with an address, if any, e.g. 'ana@x' => 'invalid-email'. Expects it trimmed. */
export function emailProblem(email: string): AddressProblem | undefined {
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
