/**
 * What the build leaves for `send-notices`: per language, the notices to mail and the words
 * around them. The command runs in plain Node after the build and cannot read the content
 * collections itself, so the page `src/pages/[lang]/avvisi/newsletter.json.ts` writes them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MailedNotice {
  /** Same in every language, e.g. 'chiusura-natale'; the page is `/{lang}/avvisi/{slug}/`. */
  slug: string;
  /** Language the text is written in: the bundle's, or Italian when not translated yet. */
  textLang: string;
  textDir: 'ltr' | 'rtl';
  fallback: boolean;
  title: string;
  summary: string;
  /** The body as HTML, as the page shows it (links may be relative to the site). */
  html: string;
  /** The body as plain text. */
  text: string;
  /** Facts of the Italian original, e.g. '2026-12-01'. */
  published: string;
  closure?: { from: string; to: string };
  /** The closure in words in the bundle's language, e.g. 'Polo chiuso dal 24 dicembre 2026 al 7 gennaio 2027'. */
  closureText?: string;
}

export interface NoticeBundle {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Interface words of the mail in this language. */
  strings: {
    siteName: string;
    fallback: string;
    read: string;
    why: string;
    leave: string;
    leaveButton: string;
  };
  notices: MailedNotice[];
}

/** Where the build writes one language's bundle, e.g. 'dist/client/ar/avvisi/newsletter.json'. */
export function bundlePath(outDir: string, lang: string): string {
  return join(outDir, 'client', lang, 'avvisi', 'newsletter.json');
}

export class MissingBuildError extends Error {
  override name = 'MissingBuildError';
}

/** The bundles of `langs` from the build in `outDir`; throws when the build is missing. */
export function readBundles(outDir: string, langs: readonly string[]): Map<string, NoticeBundle> {
  const bundles = new Map<string, NoticeBundle>();
  for (const lang of langs) {
    const path = bundlePath(outDir, lang);
    if (!existsSync(path)) {
      throw new MissingBuildError(`${path} is missing: run \`npm run build\` first`);
    }
    bundles.set(lang, JSON.parse(readFileSync(path, 'utf8')) as NoticeBundle);
  }
  return bundles;
}
