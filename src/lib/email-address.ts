/**
 * An e-mail address typed into a form or a setting, read as the mailer reads it: one bare
 * address (no name, comment, brackets or group), nothing hidden in it, and kept in the one form
 * the mailer sends to, so that one mailbox has one fingerprint (the daily limit, leaving).
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import addressparser from 'nodemailer/lib/addressparser';

export type AddressProblem =
  'invalid-email' | 'email-too-long' | 'several-addresses' | 'address-only' | 'hidden-characters';

// Control (C0, C1), format (bidi controls, zero-width, U+FEFF), private-use, unassigned and
// surrogate code points, the replacement character, and every space but U+0020: the mailer
// drops or reads some of them, and a reader sees none of them as they are.
const hiddenCharacters = /[\p{C}\p{Zl}\p{Zp}\uFFFD]|(?! )\p{Zs}/u;
// An atom of the local part: RFC 5322 atext, and letters, marks and digits of any script
// (RFC 6532). No quoted local parts: the mailer would send them with their quotes.
const localAtom = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+$/u;
const domainCharacters = /^[\p{L}\p{M}\p{N}-]+$/u;
const otherScript = /(?!\p{Script=Latin})\p{L}/u;
const domainLabel = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * The address as it is stored, compared and sent, or the first problem with it, e.g.
 * ' Ana@Example.ORG ' => { address: 'ana@example.org' }, 'Ana <ana@example.org>' =>
 * { problem: 'address-only' }, 'grp:ana@example.org;' => { problem: 'address-only' }.
 * Only spaces and tabs around it are dropped. The whole address is lower-cased (no mailbox
 * the site writes to tells case apart), its letters composed (NFC), and an IDN kept as the
 * mailer writes it: 'ana@jõgeva.ee' => 'ana@xn--jgeva-dua.ee', 'josé@jõgeva.ee' as it is.
 */
export function readAddress(typed: string): { address: string } | { problem: AddressProblem } {
  const trimmed = typed.replace(/^[ \t]+|[ \t]+$/g, '');
  if (trimmed === '') return { problem: 'invalid-email' };
  if (hiddenCharacters.test(trimmed)) return { problem: 'hidden-characters' };
  if (utf8Bytes(trimmed) > 254) return { problem: 'email-too-long' };
  // The mailer's own parser: what it would send to must be the whole of what was typed.
  const entries = addressparser(trimmed);
  const [entry] = entries;
  if (entries.length > 1) return { problem: 'several-addresses' };
  if (!entry || (!entry.group && entry.address === '')) return { problem: 'invalid-email' };
  if (entry.group || entry.name !== '' || entry.address !== trimmed)
    return { problem: 'address-only' };
  const at = trimmed.indexOf('@');
  if (at !== trimmed.lastIndexOf('@')) return { problem: 'several-addresses' };
  const local = trimmed.slice(0, at).toLowerCase().normalize('NFC');
  const typedDomain = trimmed.slice(at + 1);
  // Letters, digits, hyphens and dots only: the mapper below parses a URL host, and would cut
  // 'evil.example#x' or 'evil.example/x' down to 'evil.example'.
  if (!typedDomain.split('.').every((label) => domainCharacters.test(label)))
    return { problem: 'invalid-email' };
  // A Latin label with a letter of another script ('exаmple', Cyrillic а) is a slip of the
  // keyboard or a look-alike: the mail would go to another domain than the one read.
  if (typedDomain.split('.').some((label) => /[a-z]/i.test(label) && otherScript.test(label)))
    return { problem: 'invalid-email' };
  // As the mailer maps a domain (UTS 46): lower case, an IDN as its xn-- form, a broken xn--
  // label or a numeric top-level label refused ('').
  const ascii = domainToASCII(typedDomain);
  const labels = ascii.split('.');
  if (utf8Bytes(local) > 64 || ascii.length > 253 || labels.some((label) => label.length > 63))
    return { problem: 'email-too-long' };
  if (!local.split('.').every((atom) => localAtom.test(atom))) return { problem: 'invalid-email' };
  if (labels.length < 2 || !labels.every((label) => domainLabel.test(label)))
    return { problem: 'invalid-email' };
  if (utf8Bytes(`${local}@${ascii}`) > 254) return { problem: 'email-too-long' };
  // The mailer writes the domain of an address with a non-ASCII local part in Unicode.
  const domain = /^[\x21-\x7e]*$/.test(local) ? ascii : domainToUnicode(ascii);
  return { address: `${local}@${domain}` };
}

/** Problem with an address, if any, e.g. 'ana@x' => 'invalid-email'. */
export function emailProblem(typed: string): AddressProblem | undefined {
  const read = readAddress(typed);
  return 'problem' in read ? read.problem : undefined;
}
