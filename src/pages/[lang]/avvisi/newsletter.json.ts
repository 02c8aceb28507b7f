/**
 * The notices to mail to subscribers, in one language, for `npm run newsletter --
 * send-notices` (see src/schemas/notice-bundle.ts). Only notices whose Italian
 * original says `newsletter: true`; each in this language, or in Italian when not translated.
 *
 * It lands in dist/client, so it is public at /{lang}/avvisi/newsletter.json: acceptable
 * because it holds only what the notice pages already publish. It is not a page, so it is not
 * in the sitemap, and nothing links to it.
 */
import type { APIContext } from 'astro';
import { everyLanguage, localizedCollection } from '../../../page-data/content';
import { localeInfo, sourceLocale } from '../../../lib/locales';
import { isolateLatinRuns } from '../../../lib/bidi';
import { closureText } from '../../../i18n/date-text';
import { htmlToText } from '../../../lib/html-text';
import type { NoticeBundle } from '../../../schemas/notice-bundle';
import { noticeMailStrings } from '../../../server/mail/templates/notice';

export const getStaticPaths = everyLanguage;

export async function GET({ locals }: APIContext): Promise<Response> {
  const { lang, dir, intl, t, uiTranslation } = locals;
  // Facts (the flag, the dates) come from the Italian original; translations carry words.
  const originals = new Map(
    (await localizedCollection('notices', sourceLocale))
      .filter((item) => item.entry.data.newsletter)
      .map((item) => [item.slug, item.entry.data]),
  );
  const bundle: NoticeBundle = {
    lang,
    dir,
    uiTranslation,
    strings: noticeMailStrings(t),
    notices: (await localizedCollection('notices', lang)).flatMap((item) => {
      const facts = originals.get(item.slug);
      if (!facts) return [];
      const html = item.entry.rendered?.html ?? '';
      const text = htmlToText(html);
      // The plain-text part: names keep their direction in right-to-left text, as in t().
      const textDir = localeInfo(item.lang).dir;
      return [
        {
          slug: item.slug,
          textLang: item.lang,
          textDir,
          fallback: item.fallback,
          translation: item.entry.data.translation,
          title: item.entry.data.title,
          summary: item.entry.data.summary,
          html,
          text: textDir === 'rtl' ? isolateLatinRuns(text) : text,
          published: facts.published,
          ...(facts.closure
            ? {
                closure: facts.closure,
                closureText: closureText(t, intl, facts.closure),
              }
            : {}),
        },
      ];
    }),
  };
  return new Response(`${JSON.stringify(bundle, null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
