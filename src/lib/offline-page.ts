/**
 * The page the service worker answers offline when a page was never saved (another language,
 * the newsletter, a mistyped address): in one language's words, with the pages the device
 * keeps and the day each was saved. Made in the worker from words the build gives it.
 */
import { escapeMarkup } from './escape-markup.ts';
import { fillDate, type DateWords } from './date-words.ts';

/** The words of the page in one language (`offline.missing.*` of content/ui). */
export interface OfflineWords {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The Polo's name as the pages' titles end, e.g. 'Polo Sociale … – المركز …'. */
  siteName: string;
  title: string;
  text: string;
  list: string;
  /** One saved page's day, `{date}` for the date, e.g. 'salvata il {date}'. */
  item: string;
  none: string;
  retry: string;
  dates: DateWords;
}

/** A page the device keeps, as listed. */
export interface SavedPage {
  path: string;
  title: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The Italian calendar day it was saved, e.g. '2026-12-04'. */
  savedOn: string;
}

/** The page's only style: no request, and its CSP hash is computed from it at build time. */
export const offlinePageStyle =
  'body{margin:0;padding:1rem;font:1.125rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans Sinhala","Noto Sans Tamil",Arial,sans-serif;color:#1b1b1b;background:#fff;overflow-wrap:break-word}main{max-inline-size:40rem;margin-inline:auto}h1,h2{line-height:1.45;margin-block:1em .5em}h1{font-size:1.6rem}h2{font-size:1.25rem}.site{margin:0;color:#4a4a4a;font-size:1rem}ul{padding:0;list-style:none}li{margin-block:.5rem}a{display:inline-flex;align-items:center;min-block-size:2.75rem;color:#0b4f8a}small{display:block;color:#4a4a4a;font-size:1rem}';

/**
 * The title a page shows in its list: its <title> without the Polo's name that ends it, e.g.
 * ('Lavoro · Scheda in due lingue · Polo Sociale …', 'Polo Sociale …') => 'Lavoro · Scheda in
 * due lingue'; the home, titled with the Polo's name alone, keeps it.
 */
export function listedTitle(html: string, siteName: string): string {
  const title = (/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
  const suffix = ` · ${siteName}`;
  return title.endsWith(suffix) ? title.slice(0, -suffix.length) : title;
}

/** The whole page, e.g. in Arabic with dir="rtl" and each saved page in its own language. */
export function offlinePage(
  words: OfflineWords,
  saved: readonly SavedPage[],
  path: string,
  styleHash: string,
): string {
  const e = escapeMarkup;
  const item = (page: SavedPage) => {
    const mark = page.lang === words.lang ? '' : ` lang="${e(page.lang)}" dir="${page.dir}"`;
    // <bdi>: the date keeps its own order inside right-to-left words.
    const day = e(words.item).replace(
      '{date}',
      `<bdi>${e(fillDate(words.dates, page.savedOn))}</bdi>`,
    );
    return `<li><a href="${e(page.path)}"${mark}>${e(page.title)}</a><small>${day}</small></li>`;
  };
  const list = saved.length
    ? `<h2>${e(words.list)}</h2><ul>${saved.map(item).join('')}</ul>`
    : `<p>${e(words.none)}</p>`;
  return `<!doctype html><html lang="${e(words.lang)}" dir="${words.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${styleHash}'"><meta name="robots" content="noindex"><title>${e(words.title)} · ${e(words.siteName)}</title><style>${offlinePageStyle}</style></head><body><main data-offline-page><p class="site">${e(words.siteName)}</p><h1>${e(words.title)}</h1><p>${e(words.text)}</p><p><a href="${e(path)}">${e(words.retry)}</a></p>${list}</main></body></html>`;
}
