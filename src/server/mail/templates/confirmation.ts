/** The mail that asks a new subscriber to confirm, in their language. */
import { markLatinNames } from '../../../lib/latin-names.ts';
import { mailColors, themeColor } from '../../../lib/theme.ts';
import { mailHtml } from '../html.ts';
import type { OutgoingMail } from '../transport.ts';

export interface ConfirmationText {
  subject: string;
  greeting: string;
  action: string;
  button: string;
  expiry: string;
  ignore: string;
  leave: string;
  signature: string;
}

/** The confirmation mail, plain text and simple HTML, e.g. in Arabic with dir="rtl". */
export function confirmationMail(
  to: string,
  lang: string,
  dir: 'ltr' | 'rtl',
  text: ConfirmationText,
  links: { confirm: string; unsubscribe: string },
): OutgoingMail {
  const plain = [
    text.greeting,
    '',
    text.action,
    links.confirm,
    '',
    text.expiry,
    text.ignore,
    '',
    `${text.leave} ${links.unsubscribe}`,
    '',
    text.signature,
  ].join('\n');
  const html = mailHtml`<!doctype html><html lang="${lang}" dir="${dir}"><body style="font-family:sans-serif;font-size:16px;line-height:1.5">
<p>${text.greeting}</p>
<p>${text.action}</p>
<p><a href="${links.confirm}" style="display:inline-block;padding:12px 20px;background:${themeColor};color:${mailColors.onTheme};text-decoration:none;border-radius:4px">${text.button}</a></p>
<p>${text.expiry}<br>${text.ignore}</p>
<p style="font-size:14px"><a href="${links.unsubscribe}">${text.leave}</a></p>
<p>${text.signature}</p>
</body></html>`;
  return {
    to,
    subject: text.subject,
    text: plain,
    // Latin names in Arabic (and other scripts) as <bdi lang="it">, like on the site.
    html: markLatinNames(html.toString(), lang),
    lang,
    unsubscribeUrl: links.unsubscribe,
    confirmUrl: links.confirm,
  };
}
