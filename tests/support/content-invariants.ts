/**
 * What a build must show for any content staff publish, checked against the content it was
 * built from: every page there, every hours table and the schema.org hours agreeing with
 * hours.yaml, every closure on the hours page and in the status line, each text in its
 * language or in Italian with a notice, the notices listed, the byte budgets kept. Each check
 * returns what disagrees. The built suite runs them on the real build; a content test runs
 * them on a copy with staff edits (tests/staff-edits/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeCodes, type Locale } from '../../src/lib/locales';
import { addDays } from '../../src/lib/calendar-days';
import { italianInstant } from '../../src/lib/hours/schedule';
import { statusSpanDays } from '../../src/page-data/status-span';
import { carriedLine, unescapeAttribute } from './carried-status';
import { hoursTableProblems, jsonLdProblems } from './built-hours';
import {
  activitiesOf,
  closuresOf,
  hasFile,
  hoursAsBuilt,
  slugsOf,
  titleIn,
  todayInItaly,
} from './content-facts';
import { htmlFiles } from './html-files';
import { elementsOf, langOf, readable, textOf } from './html-tree';
import { keptBytes, pageBudgetProblems, readerPages } from './page-budgets';
import { sitePagesOf } from './site-pages';

/** The checks for the build in `client` made from the content in `contentDir`, by name. */
export function contentInvariants(client: string, contentDir: string) {
  const page = (url: string) => readFileSync(join(client, url, 'index.html'), 'utf8');
  // Read when a check runs, not before: the list of checks is the same for every content.
  const hours = () => hoursAsBuilt(contentDir);

  /** The main heading's text and language, e.g. { text: 'Lavoro', lang: 'it' }. */
  const heading = (url: string) => {
    const found = elementsOf(page(url)).find(([element]) => element.tagName === 'h1');
    if (!found) return { text: '', lang: '' };
    return { text: readable(textOf(found[0])).trim(), lang: langOf(found[0], found[1]) };
  };

  /** A translated entry's page shows its own text, or the Italian one marked and noted. */
  const translationProblems = (folder: string, route: string, lang: Locale) =>
    slugsOf(folder, contentDir).flatMap((slug) => {
      const url = `/${lang}/${route}/${slug}/`;
      const own = hasFile(folder, lang, slug, contentDir);
      const expected = {
        text: titleIn(folder, slug, own ? lang : 'it', contentDir),
        lang: own ? lang : 'it',
      };
      const problems: string[] = [];
      const shown = heading(url);
      if (shown.text !== expected.text || shown.lang !== expected.lang) {
        problems.push(
          `${url}: h1 "${shown.text}" in ${shown.lang}, not "${expected.text}" in ${expected.lang}`,
        );
      }
      const noted = page(url).includes('data-translation-notice="fallback"');
      if (noted === own) problems.push(`${url}: fallback notice is ${noted ? 'there' : 'missing'}`);
      return problems;
    });

  return {
    'every page of the content is built'() {
      return sitePagesOf(contentDir)
        .filter(({ url }) => !existsSync(join(client, url, 'index.html')))
        .map(({ url }) => `${url} is missing`);
    },

    'every hours table agrees with hours.yaml'() {
      return localeCodes.flatMap((lang) =>
        htmlFiles(join(client, lang)).flatMap((file) => {
          const html = readFileSync(file, 'utf8');
          if (!html.includes('hours-table')) return [];
          return hoursTableProblems(html, hours(), lang).map((p) => `${file}: ${p}`);
        }),
      );
    },

    'the schema.org hours list the periods of hours.yaml'() {
      return localeCodes.flatMap((lang) =>
        [`/${lang}/`, `/${lang}/orari/`].flatMap((url) =>
          jsonLdProblems(page(url), hours()).map((p) => `${url}: ${p}`),
        ),
      );
    },

    'every closure still to come is on the hours page and in the status line'() {
      const today = todayInItaly();
      return localeCodes.flatMap((lang) => {
        const html = page(`/${lang}/orari/`);
        const closures = closuresOf(lang, contentDir);
        return closures.flatMap((closure) => {
          const problems: string[] = [];
          const item = new RegExp(
            `<li data-closure="notice" data-from="${closure.from}" data-to="${closure.to}"[^>]*>([\\s\\S]*?)</li>`,
          ).exec(html)?.[1];
          const reason = readable(unescapeAttribute((item ?? '').replace(/<[^>]+>/g, '')));
          if (closure.to >= today && !reason.includes(closure.reason)) {
            problems.push(
              `/${lang}/orari/ lists no closure ${closure.from}–${closure.to} "${closure.reason}"`,
            );
          }
          // In the weeks the status line carries, its first day there says closed, and why
          // (the reason of another closure of that day, if they overlap).
          const day = closure.from > today ? closure.from : today;
          if (closure.to >= today && day < addDays(today, statusSpanDays)) {
            const line = carriedLine(html, italianInstant(day, '12:00'));
            const reasons = closures
              .filter((c) => c.from <= day && day <= c.to)
              .map((c) => c.reason);
            const text = readable(line?.text ?? '');
            if (line?.state !== 'closed' || !reasons.some((r) => text.includes(r))) {
              problems.push(
                `/${lang}/orari/: the status line does not say ${closure.from}–${closure.to} on ${day}`,
              );
            }
          }
          return problems;
        });
      });
    },

    'each desk and notice shows its translation, or the Italian text with a notice'() {
      return localeCodes.flatMap((lang) => [
        ...translationProblems('activities', 'sportelli', lang),
        ...translationProblems('notices', 'avvisi', lang),
      ]);
    },

    'every notice is listed and in the feed, in every language'() {
      return localeCodes.flatMap((lang) => {
        const list = page(`/${lang}/avvisi/`);
        const feed = readFileSync(join(client, lang, 'rss.xml'), 'utf8');
        return slugsOf('notices', contentDir).flatMap((slug) => {
          const url = `/${lang}/avvisi/${slug}/`;
          return [
            ...(list.includes(`href="${url}"`) ? [] : [`/${lang}/avvisi/ does not link ${url}`]),
            ...(feed.includes(`${url}</link>`) ? [] : [`/${lang}/rss.xml lacks ${url}`]),
          ];
        });
      });
    },

    'every desk is listed on the home in every language'() {
      return localeCodes.flatMap((lang) =>
        activitiesOf(contentDir)
          .map(({ slug }) => `/${lang}/sportelli/${slug}/`)
          .filter((url) => !page(`/${lang}/`).includes(`href="${url}"`))
          .map((url) => `/${lang}/ does not link ${url}`),
      );
    },

    'every page keeps its byte budget'() {
      return readerPages(client).flatMap((file) => pageBudgetProblems(client, file));
    },

    'what each language keeps offline keeps its budget'() {
      return localeCodes.flatMap((lang) => {
        const { urls, bytes, budget, missing } = keptBytes(client, lang);
        return [
          ...(bytes > budget
            ? [`${lang}: ${urls.length} files, ${bytes} B brotli > ${budget}`]
            : []),
          ...missing.map((url) => `${lang}: ${url} is not kept, though it comes first`),
        ];
      });
    },
  };
}
