/**
 * The addresses a subscriber's mails link to, always on the configured site address and in the
 * subscriber's language: the pages they open are in the language the mail is in.
 */
import type { LeaveLinks } from '../mail/templates/leave-links.ts';

/** The confirm page of a signup, e.g. 'https://…/ar/newsletter/confirm/?token=…'. */
export function confirmLink(siteUrl: string, lang: string, token: string): string {
  return `${siteUrl}/${lang}/newsletter/confirm/?token=${token}`;
}

/**
 * Both links to leave for a subscriber's signed `token` in `lang`, e.g. leave
 * 'https://…/ar/newsletter/unsubscribe/?token=…' and unsubscribe
 * 'https://…/api/newsletter/unsubscribe?token=…&lang=ar' (opened in a browser, it lands on the
 * page in `lang`).
 */
export function leaveLinks(siteUrl: string, lang: string, token: string): LeaveLinks {
  return {
    leave: `${siteUrl}/${lang}/newsletter/unsubscribe/?token=${token}`,
    unsubscribe: `${siteUrl}/api/newsletter/unsubscribe?token=${token}&lang=${lang}`,
  };
}

/** A notice's page in `lang`, e.g. 'https://…/ar/avvisi/chiusura-natale/'. */
export function noticePage(siteUrl: string, lang: string, slug: string): string {
  return `${siteUrl}/${lang}/avvisi/${slug}/`;
}
