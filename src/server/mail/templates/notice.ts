/**
 * A notice as a mail to one subscriber: in their language where it is translated, otherwise
 * in Italian under one line, in their language, saying so; labelled as the pages are when any
 * of its words were translated automatically. Plain text and plain HTML saying the same, with
 * the link to the notice's page and a visible link to leave.
 */
import { markLatinNames } from '../../../lib/latin-names.ts';
import { mailColors, themeColor } from '../../../lib/theme.ts';
import type { MailedNotice, NoticeBundle } from '../../../schemas/notice-bundle.ts';
import { mailHtml, trustedHtml, type Html } from '../html.ts';
import type { OutgoingMail } from '../transport.ts';
import type { LeaveLinks } from './leave-links.ts';
import type { UiKey } from '../../../schemas/ui.ts';

export interface NoticeLinks extends LeaveLinks {
  /** The notice's page in the subscriber's language, e.g. 'https://…/ar/avvisi/chiusura/'. */
  page: string;
}

/** The interface words of the notices' mails in one language, from its UI strings (`t`). */
export function noticeMailStrings(t: (key: UiKey) => string): NoticeBundle['strings'] {
  return {
    siteName: t('site.name'),
    machine: t('mail.machine'),
    fallback: t('mail.notice.fallback'),
    read: t('mail.notice.read'),
    why: t('mail.notice.why'),
    leave: t('mail.leave'),
    leaveLink: t('unsubscribe.title'),
  };
}

/** Budget of the HTML part, in bytes. */
export const maxHtmlBytes = 20_000;

/** Links of the notice's body made absolute, e.g. href="/it/orari/" => href="https://…/it/orari/". */
function absoluteLinks(html: string, siteUrl: string): string {
  return html.replace(/(href|src)="\/(?!\/)/g, `$1="${siteUrl}/`);
}

/** The List-Id of the notices, e.g. 'Polo Sociale … <avvisi.polo-siracusa.it>' (RFC 2919). */
export function noticesListId(siteUrl: string): string {
  return `Polo Sociale Integrato di Siracusa <avvisi.${new URL(siteUrl).hostname}>`;
}

/**
 * Whether the mail of `notice` holds words translated automatically: the interface words of
 * the bundle's language, or the notice's own text (an Italian fallback is the source).
 */
export function usesMachineWords(bundle: NoticeBundle, notice: MailedNotice): boolean {
  return bundle.uiTranslation === 'machine' || notice.translation === 'machine';
}

/** The mail of `notice` for the subscriber `to`, whose language is `bundle`'s. */
export function noticeMail(
  to: string,
  bundle: NoticeBundle,
  notice: MailedNotice,
  links: NoticeLinks,
  siteUrl: string,
): OutgoingMail {
  const { strings } = bundle;
  const machine = usesMachineWords(bundle, notice);
  const bodyText = notice.text.replace(/\((\/[^)\s]*)\)/g, `(${siteUrl}$1)`);
  const text = [
    strings.siteName,
    '',
    ...(machine ? [strings.machine, ''] : []),
    ...(notice.fallback ? [strings.fallback, ''] : []),
    notice.title,
    '',
    notice.summary,
    '',
    ...(notice.closureText ? [notice.closureText, ''] : []),
    bodyText,
    '',
    `${strings.read} ${links.page}`,
    '',
    '-- ',
    strings.why,
    `${strings.leave} ${links.leave}`,
    '',
  ].join('\n');

  // The notice's own words keep their language and direction inside the mail's: an Italian
  // text in an Arabic mail is marked lang="it" dir="ltr".
  const own = notice.fallback ? mailHtml` lang="${notice.textLang}" dir="${notice.textDir}"` : '';
  // Inline styles only, few of them: mail programs drop <style> and most CSS. Each link follows
  // its words on their line, as in the text part: no line ends in ':'.
  const page = (body: Html | '') => mailHtml`<!doctype html>
<html lang="${bundle.lang}" dir="${bundle.dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${notice.title}</title></head>
<body style="margin:0;padding:16px;background:${mailColors.paper};color:${mailColors.ink};font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:600px;margin:0 auto">
<p style="margin:0 0 16px;font-size:14px;color:${mailColors.muted}">${strings.siteName}</p>
${machine ? mailHtml`<p style="padding:8px 12px;background:${mailColors.untranslated}">${strings.machine}</p>\n` : ''}${notice.fallback ? mailHtml`<p style="padding:8px 12px;background:${mailColors.untranslated}">${strings.fallback}</p>\n` : ''}${notice.closureText ? mailHtml`<p style="padding:8px 12px;background:${mailColors.closure};font-weight:bold">${notice.closureText}</p>\n` : ''}<div${own}>
<h1 style="font-size:24px;line-height:1.25;margin:16px 0">${notice.title}</h1>
<p><strong>${notice.summary}</strong></p>
${body}
</div>
<p>${strings.read} <a href="${links.page}" style="color:${themeColor}">${links.page}</a></p>
<hr style="border:0;border-top:1px solid ${mailColors.rule};margin:24px 0">
<p style="font-size:14px;color:${mailColors.muted}">${strings.why}<br>${strings.leave} <a href="${links.leave}" style="color:${themeColor}">${strings.leaveLink}</a></p>
</div>
</body>
</html>
`;
  // Latin names in Arabic (and other scripts) as <bdi lang="it">, like on the site.
  const marked = (body: Html | '') => markLatinNames(page(body).toString(), bundle.lang);
  // The body is the build's own HTML (from the notice's Markdown): it goes in as it is.
  const full = marked(trustedHtml(absoluteLinks(notice.html, siteUrl).trim()));
  // A very long notice: the HTML part keeps its budget and the page has the whole text.
  const html = Buffer.byteLength(full) <= maxHtmlBytes ? full : marked('');
  return {
    to,
    subject: notice.title,
    text,
    html,
    lang: bundle.lang,
    unsubscribeUrl: links.unsubscribe,
    listId: noticesListId(siteUrl),
  };
}
