/**
 * The receipt the staff get once a notice has gone to every subscriber it will reach: in
 * Italian, in plain words, counts only (never an address), and what happens next.
 */
import { formatMoment } from '../../../lib/dates.ts';
import { localeInfo } from '../../../lib/locales.ts';
import { mailHtml } from '../html.ts';
import type { OutgoingMail } from '../transport.ts';

/** Why a subscriber did not get the notice. */
export type MissedReason = 'refused' | 'gaveUp' | 'suppressed' | 'left';

export interface NoticeReceipt {
  /** The notice's Italian title. */
  title: string;
  /** The notice's Italian page, e.g. 'https://polo-siracusa.it/it/avvisi/chiusura-natale/'. */
  page: string;
  /** Mails accepted by the mail server, by language code, e.g. { it: 120, ar: 40 }. */
  sentByLang: Record<string, number>;
  /** Subscribers who did not get it, by reason. */
  missed: Partial<Record<MissedReason, number>>;
  startedAt: Date;
  finishedAt: Date;
  /** Tries of a temporary refusal before giving up. */
  maxAttempts: number;
}

const reasons = (maxAttempts: number): Record<MissedReason, string> => ({
  refused:
    'rifiutate per sempre dal server di posta di chi doveva riceverle (indirizzo che non esiste più o casella chiusa)',
  gaveUp: `non consegnate dopo ${maxAttempts} tentativi: il server di posta di chi doveva riceverle non rispondeva o chiedeva di riprovare`,
  suppressed:
    'non inviate a indirizzi sospesi: il loro server di posta li aveva già rifiutati 3 volte',
  left: 'non inviate: iscritti usciti dalla newsletter durante l’invio',
});

const languageNames = new Intl.DisplayNames('it', { type: 'language' });
const when = (instant: Date) => formatMoment(instant, localeInfo('it').intl);

/** The receipt of one notice, as a mail to `staffEmail`. */
export function noticeReceiptMail(staffEmail: string, receipt: NoticeReceipt): OutgoingMail {
  const sent = Object.values(receipt.sentByLang).reduce((a, b) => a + b, 0);
  const byLang = Object.entries(receipt.sentByLang)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([lang, n]) => `${languageNames.of(lang) ?? lang}: ${n}`);
  const words = reasons(receipt.maxAttempts);
  const missed = (Object.keys(words) as MissedReason[])
    .filter((reason) => (receipt.missed[reason] ?? 0) > 0)
    .map((reason) => `${words[reason]}: ${receipt.missed[reason]}`);
  const intro =
    sent > 0
      ? `L’avviso «${receipt.title}» è stato inviato per e-mail a ${sent} ${sent === 1 ? 'iscritto' : 'iscritti'}.`
      : missed.length > 0
        ? `L’avviso «${receipt.title}» non è arrivato per e-mail a nessun iscritto.`
        : `L’avviso «${receipt.title}» è sul sito, ma non è partita nessuna e-mail: quando è uscito non c’era nessun iscritto da avvisare.`;
  const timing = `Invio cominciato il ${when(receipt.startedAt)} e finito il ${when(receipt.finishedAt)}.`;
  const has = (reason: MissedReason) => (receipt.missed[reason] ?? 0) > 0;
  const next = [
    [
      ...(has('refused') || has('gaveUp')
        ? ['Le e-mail non consegnate non verranno ritentate.']
        : []),
      ...(has('refused') || has('suppressed')
        ? ['Un indirizzo rifiutato per sempre 3 volte non riceve più avvisi.']
        : []),
      'Non devi fare nulla.',
    ].join(' '),
    'L’avviso non verrà inviato di nuovo, nemmeno a chi si iscrive da ora in poi. Se lo correggi sul sito, la correzione non parte per e-mail: se serve, pubblica un nuovo avviso con «Invia agli iscritti alla newsletter».',
  ];
  const text = [
    intro,
    '',
    `Avviso: ${receipt.page}`,
    '',
    ...(byLang.length > 0 ? ['Inviate per lingua:', ...byLang.map((l) => `- ${l}`), ''] : []),
    ...(missed.length > 0 ? ['Non arrivate:', ...missed.map((m) => `- ${m}`), ''] : []),
    timing,
    '',
    ...next.flatMap((line) => [line, '']),
  ].join('\n');
  const list = (items: string[]) =>
    mailHtml`<ul>${items.map((item) => mailHtml`<li>${item}</li>`)}</ul>`;
  const html = mailHtml`<!doctype html><html lang="it"><body style="font-family:sans-serif;font-size:16px;line-height:1.5">
<p>${intro}</p>
<p>Avviso: <a href="${receipt.page}">${receipt.page}</a></p>
${byLang.length > 0 ? mailHtml`<p>Inviate per lingua:</p>\n${list(byLang)}\n` : ''}${missed.length > 0 ? mailHtml`<p>Non arrivate:</p>\n${list(missed)}\n` : ''}<p>${timing}</p>
${next.map((line) => mailHtml`<p>${line}</p>\n`)}</body></html>`;
  return {
    to: staffEmail,
    subject: `Avviso inviato agli iscritti: ${receipt.title}`,
    text,
    html: html.toString(),
    lang: 'it',
  };
}
