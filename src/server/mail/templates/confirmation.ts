/** The mail that asks a new subscriber to confirm, in their language. */
import { markLatinNames } from '../../../lib/latin-names.ts';
import { mailColors, themeColor } from '../../../lib/theme.ts';
import { mailHtml } from '../html.ts';
import type { OutgoingMail } from '../transport.ts';
import type { LeaveLinks } from './leave-links.ts';
import type { UiKey, UiStrings } from '../../../schemas/ui.ts';

export interface ConfirmationText {
  subject: string;
  /** The line saying the words were translated automatically; absent when a person wrote them. */
  machine?: string | undefined;
  greeting: string;
  action: string;
  button: string;
  expiry: string;
  ignore: string;
  /** Leads to the link to leave, on the same line, e.g. 'To stop getting messages:'. */
  leave: string;
  /** The words of the link to leave in the HTML part, e.g. 'Leave the newsletter'. */
  leaveLink: string;
  signature: string;
}

/**
 * The confirmation mail's words in one language, from its UI strings (`t`) and who wrote them:
 * labelled while they are a machine translation, as the pages' interface words are.
 */
export function confirmationText(
  t: (key: UiKey) => string,
  uiTranslation: UiStrings['translation'],
): ConfirmationText {
  return {
    subject: t('mail.confirm.subject'),
    machine: uiTranslation === 'machine' ? t('mail.machine') : undefined,
    greeting: t('mail.confirm.greeting'),
    action: t('mail.confirm.action'),
    button: t('mail.confirm.button'),
    expiry: t('mail.confirm.expiry'),
    ignore: t('mail.confirm.ignore'),
    leave: t('mail.leave'),
    leaveLink: t('unsubscribe.title'),
    signature: t('site.name'),
  };
}

/** The links of the confirmation mail: the confirm page, and the two to leave. */
export interface ConfirmationLinks extends LeaveLinks {
  confirm: string;
}

/** The confirmation mail, plain text and simple HTML, e.g. in Arabic with dir="rtl". */
export function confirmationMail(
  to: string,
  lang: string,
  dir: 'ltr' | 'rtl',
  text: ConfirmationText,
  links: ConfirmationLinks,
): OutgoingMail {
  const plain = [
    ...(text.machine ? [text.machine, ''] : []),
    text.greeting,
    '',
    text.action,
    links.confirm,
    '',
    text.expiry,
    text.ignore,
    '',
    `${text.leave} ${links.leave}`,
    '',
    text.signature,
  ].join('\n');
  // The link to leave follows its words on their line, as in the text part: no line ends in ':'.
  const html = mailHtml`<!doctype html><html lang="${lang}" dir="${dir}"><body style="font-family:sans-serif;font-size:16px;line-height:1.5">
${text.machine ? mailHtml`<p style="padding:8px 12px;background:${mailColors.untranslated}">${text.machine}</p>\n` : ''}<p>${text.greeting}</p>
<p>${text.action}</p>
<p><a href="${links.confirm}" style="display:inline-block;padding:12px 20px;background:${themeColor};color:${mailColors.onTheme};text-decoration:none;border-radius:4px">${text.button}</a></p>
<p>${text.expiry}<br>${text.ignore}</p>
<p style="font-size:14px">${text.leave} <a href="${links.leave}">${text.leaveLink}</a></p>
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
