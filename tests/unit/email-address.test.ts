/**
 * The address check and the mailer agree: what the check accepts is stored in the one form
 * Nodemailer sends to, byte for byte, so one mailbox has one fingerprint. The probe's cases,
 * then a property over generated addresses, hostile ones included.
 */
import fc from 'fast-check';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { readAddress } from '../../src/lib/email-address';

const mailer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

/** Where Nodemailer sends a mail `to` an address and what its To and Reply-To headers say. */
async function sentTo(address: string) {
  const info = await mailer.sendMail({
    from: 'polo@example.org',
    to: address,
    replyTo: address,
    subject: 'x',
    text: 'x',
  });
  const head = (info.message as Buffer).toString('utf8').split('\n\n')[0] ?? '';
  // A long header is folded: a line break before a space continues it.
  const header = (name: string) =>
    new RegExp(`^${name}: (.*)$`, 'm').exec(head.replace(/\n(?=[ \t])/g, ''))?.[1];
  return { envelope: info.envelope.to, to: header('To'), replyTo: header('Reply-To') };
}

/**
 * The same, read off the message Nodemailer composes before it streams it: the property below
 * runs it 10,000 times, where the whole transport would take a minute on a busy machine.
 */
function composedTo(address: string) {
  const message = new MailComposer({
    from: 'polo@example.org',
    to: address,
    replyTo: address,
    subject: 'x',
    text: 'x',
    // Given, not made for each message: random ids and dates are most of the cost.
    messageId: '<x@example.org>',
    date: new Date(0),
  }).compile();
  const head = message.buildHeaders().replace(/\r?\n(?=[ \t])/g, '');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(head)?.[1];
  return { envelope: message.getEnvelope().to, to: header('To'), replyTo: header('Reply-To') };
}

describe('the probe’s cases', () => {
  it.each([
    ['group syntax', 'grp:victim@example.org;'],
    ['group syntax without its end', 'grp:victim@example.org'],
    ['an empty group', 'undisclosed-recipients:;'],
    ['a display name', 'Ana <ana@example.org>'],
    ['a quoted display name', '"Ana" <ana@example.org>'],
    ['angle brackets', '<ana@example.org>'],
    ['a comment after', 'ana@example.org (Ana)'],
    ['a comment inside', 'ana(x)@example.org'],
    ['a comment in the domain', 'ana@(x)example.org'],
    ['words after the address', 'ana@example.org please'],
  ])('refuses %s: write only the address', (_name, typed) => {
    expect(readAddress(typed)).toEqual({ problem: 'address-only' });
  });

  it.each([
    ['ESC (C0), which Nodemailer strips', 'vic\u001btim@example.org'],
    ['a tab inside', 'vic\ttim@example.org'],
    ['DEL', 'vic\u007ftim@example.org'],
    ['NEL (C1)', 'vic\u0085tim@example.org'],
    ['CSI (C1)', 'vic\u009btim@example.org'],
    ['a right-to-left override', 'ana\u202Egro.elpmaxe@example.org'],
    ['a zero-width space', 'an\u200Ba@example.org'],
    ['a zero-width joiner', 'an\u200Da@example.org'],
    ['a soft hyphen', 'an\u00ADa@example.org'],
    ['a byte-order mark at the start, which trimming would hide', '\uFEFFana@example.org'],
    ['a byte-order mark at the end', 'ana@example.org\uFEFF'],
    ['a no-break space', 'ana\u00A0@example.org'],
    ['a private-use character', 'an\uE000a@example.org'],
    ['a lone surrogate', 'an\uD800a@example.org'],
    ['the replacement character', 'an\uFFFDa@example.org'],
  ])('refuses %s: hidden characters', (_name, typed) => {
    expect(readAddress(typed)).toEqual({ problem: 'hidden-characters' });
  });

  it.each([
    ['two addresses', 'a@example.org, b@example.org', 'several-addresses'],
    ['two addresses and a semicolon', 'a@example.org; b@example.org', 'several-addresses'],
    ['two @', 'a@b@example.org', 'several-addresses'],
    ['a quoted local part', '"ana maria"@example.org', 'invalid-email'],
    ['a domain literal', 'ana@[192.0.2.1]', 'invalid-email'],
    ['no domain dot', 'ana@localhost', 'invalid-email'],
    ['a numeric top-level label', 'ana@example.123', 'invalid-email'],
    ['a broken xn-- label', 'ana@xn--.org', 'invalid-email'],
    ['a Cyrillic letter in a Latin domain label', 'ana@exаmple.org', 'invalid-email'],
    ['an underscore in the domain', 'ana@ex_ample.org', 'invalid-email'],
    ['a dot at the end of the local part', 'ana.@example.org', 'invalid-email'],
    ['two dots', 'an..a@example.org', 'invalid-email'],
    ['nothing', '  ', 'invalid-email'],
    ['a local part over 64 bytes', `${'é'.repeat(33)}@example.org`, 'email-too-long'],
  ])('refuses %s', (_name, typed, problem) => {
    expect(readAddress(typed)).toEqual({ problem });
  });

  it.each([
    ['spaces around, capitals', ' Ana.Maria@Example.ORG\t', 'ana.maria@example.org'],
    ['atext signs', "o'neil+news@example.org", "o'neil+news@example.org"],
    ['letters of another script', 'Amina.علي@example.org', 'amina.علي@example.org'],
    // The same letters typed decomposed (e + U+0301) or composed are one mailbox, one row.
    ['a decomposed accent', 'jose\u0301@example.org', 'jos\u00e9@example.org'],
    ['an IDN in its xn-- form', 'ana@XN--JGEVA-DUA.ee', 'ana@xn--jgeva-dua.ee'],
    ['an IDN in Unicode', 'ana@Jõgeva.ee', 'ana@xn--jgeva-dua.ee'],
    ['a Latin IDN after a non-ASCII local part', 'Amina.علي@Jõgeva.ee', 'amina.علي@jõgeva.ee'],
    ['an Arabic domain', 'ana@مثال.مصر', 'ana@xn--mgbh0fb.xn--wgbh1c'],
    ['full-width letters in the domain', 'ana@ｅxample.org', 'ana@example.org'],
    // As Nodemailer writes it: a non-ASCII local part takes the domain in Unicode.
    ['an IDN after a non-ASCII local part', 'josé@xn--jgeva-dua.ee', 'josé@jõgeva.ee'],
  ])('keeps %s in the form the mailer sends to', async (_name, typed, stored) => {
    expect(readAddress(typed)).toEqual({ address: stored });
    const sent = { envelope: [stored], to: stored, replyTo: stored };
    expect(await sentTo(stored)).toEqual(sent);
    expect(composedTo(stored)).toEqual(sent);
  });
});

// Characters a hostile or careless input mixes into an address.
const nasty = [
  ...'\u0000\u0001\t\n\r\u001b\u007f\u0080\u0085\u009b\u00a0\u00ad\u061c\u200b\u200d\u200e\u202a\u202e\u2066\u2069\u2028\ufeff\ufffd\ue000',
  ...' :;,<>()[]"\\@.!#$%&\'*+/=?^_`{|}~-',
  ...'AZéÉİıßøΩжЖعلي\u0645\u0652\u0bb5\u0bbf\u0dc1\u0dca\u0301\u0308ｅ＠．０',
];
const insertAt = (text: string, at: number, piece: string) =>
  text.slice(0, at % (text.length + 1)) + piece + text.slice(at % (text.length + 1));
const shuffledCase = (text: string, flips: boolean[]) =>
  [...text].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c)).join('');

/** Inputs: well-formed addresses, the same with capitals, a nasty character, a name or a group around them, and noise. */
const typedAddresses = fc.oneof(
  fc.emailAddress(),
  fc
    .tuple(fc.emailAddress(), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }))
    .map(([email, flips]) => shuffledCase(email, flips)),
  fc
    .tuple(
      fc.emailAddress(),
      fc.nat(),
      fc.string({ unit: fc.constantFrom(...nasty), minLength: 1, maxLength: 3 }),
    )
    .map(([email, at, piece]) => insertAt(email, at, piece)),
  fc
    .tuple(
      fc.emailAddress(),
      fc.constantFrom('Ana <%>', 'grp:%;', 'grp:%', '% (Ana)', '"%"', '<%>', ' % ', '%,x@y.org'),
    )
    .map(([email, shape]) => shape.replace('%', email)),
  fc
    .tuple(
      fc.stringMatching(/^[a-z0-9.]{1,12}$/),
      fc.string({ unit: fc.constantFrom(...nasty), maxLength: 4 }),
      fc.stringMatching(/^[a-z0-9-]{1,10}\.(org|it|xn--jgeva-dua|co\.uk)$/),
    )
    .map(([local, extra, domain]) => `${local}${extra}@${domain}`),
  fc.string({ unit: fc.constantFrom(...nasty, 'a', 'b', '@', '.', 'o', 'r', 'g'), maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('every address the check accepts', () => {
  it('is sent by Nodemailer to the stored form, byte for byte, and only there (10,000 inputs)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(typedAddresses, (typed) => {
        const read = readAddress(typed);
        if ('problem' in read) return;
        accepted++;
        const stored = read.address;
        // Read again, the stored form is itself: one mailbox, one fingerprint.
        expect(readAddress(stored)).toEqual(read);
        // An ASCII address is stored as the earlier check stored it (trimmed, lower-cased):
        // rows kept before keep their fingerprints, and need no migration.
        if (/^[\x20-\x7e]*$/.test(typed)) expect(stored).toBe(typed.trim().toLowerCase());
        expect(composedTo(stored)).toEqual({ envelope: [stored], to: stored, replyTo: stored });
        // What was typed, sent as it is, reaches that same mailbox: Nodemailer rewrote nothing
        // but the case and composition the stored form settles.
        const [raw] = composedTo(typed).envelope;
        expect(raw?.toLowerCase().normalize('NFC')).toBe(stored);
      }),
      { numRuns: 10_000 },
    );
    // The property must have had addresses to hold for, not only refusals.
    expect(accepted).toBeGreaterThan(2_000);
  });
});
