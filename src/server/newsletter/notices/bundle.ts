/**
 * What the build leaves for `send-notices`: per language, the notices to mail and the words
 * around them. The command runs in plain Node after the build and cannot read the content
 * collections itself, so the page `src/pages/[lang]/avvisi/newsletter.json.ts` writes them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NoticeBundle } from '../../../schemas/notice-bundle.ts';

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
