/**
 * The mail that brings a report to the staff. The staff read Italian, so it is written in
 * Italian whatever the reporter's language; the report itself is quoted as typed.
 */
import { formatMoment } from '../../../lib/dates.ts';
import { localeInfo } from '../../../lib/locales.ts';
import { mailHtml } from '../html.ts';
import type { OutgoingMail } from '../transport.ts';

/** What the mail quotes of a report, as the reader sent it. */
export interface ReportToStaff {
  text: string;
  page?: string | undefined;
  lang: string;
  email?: string | undefined;
}

/** The report as a mail to `staffEmail`; the reporter's address, if kept, is its Reply-To. */
export function reportMail(
  staffEmail: string,
  id: number,
  report: ReportToStaff,
  siteUrl: string,
  receivedAt: Date,
): OutgoingMail {
  const when = formatMoment(receivedAt, localeInfo('it').intl);
  const facts: [string, string][] = [
    ['Pagina', report.page ? `${siteUrl}${report.page}` : 'non indicata'],
    ['Lingua del modulo', report.lang],
    ['Arrivata il', when],
    [
      'E-mail per la risposta',
      report.email ?? 'nessuna (chi ha scritto non ha lasciato un indirizzo)',
    ],
  ];
  const intro = `È arrivata la segnalazione n. ${id} sull’accessibilità del sito.`;
  const duty =
    'Va data una risposta entro 30 giorni; poi chi ha scritto può rivolgersi ad AgID. La segnalazione resta nel database per un anno (npm run reports -- list).';
  const text = [
    intro,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    'Testo:',
    report.text,
    '',
    duty,
  ].join('\n');
  const html = mailHtml`<!doctype html><html lang="it"><body style="font-family:sans-serif;font-size:16px;line-height:1.5">
<p>${intro}</p>
<ul>${facts.map(([label, value]) => mailHtml`<li>${label}: ${value}</li>`)}</ul>
<p>Testo:</p>
<blockquote dir="auto" style="white-space:pre-wrap">${report.text}</blockquote>
<p>${duty}</p>
</body></html>`;
  return {
    to: staffEmail,
    subject: `Segnalazione di accessibilità n. ${id}`,
    text,
    html: html.toString(),
    lang: 'it',
    ...(report.email ? { replyTo: report.email } : {}),
  };
}
