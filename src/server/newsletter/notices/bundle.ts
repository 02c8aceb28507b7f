/**
 * What the build leaves for the notice sender: per language, the notices to mail and the words
 * around them. The sender runs in plain Node (or a scheduled function) and cannot read the
 * content collections itself, so the page `src/pages/[lang]/avvisi/newsletter.json.ts` writes them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NoticeBundle } from '../../../schemas/notice-bundle.ts';

export type { NoticeBundle };

/** Where a built site keeps one language's bundle, e.g. 'dist/client/ar/avvisi/newsletter.json'. */
export function clientBundlePath(clientDir: string, lang: string): string {
  return join(clientDir, lang, 'avvisi', 'newsletter.json');
}

/** Where the build writes one language's bundle, e.g. 'dist/client/ar/avvisi/newsletter.json'. */
export function bundlePath(outDir: string, lang: string): string {
  return clientBundlePath(join(outDir, 'client'), lang);
}

export class MissingBuildError extends Error {
  override name = 'MissingBuildError';
}

/** The bundles of `langs` from the static site in `clientDir`; throws when one is missing. */
export function readClientBundles(
  clientDir: string,
  langs: readonly string[],
): Map<string, NoticeBundle> {
  const bundles = new Map<string, NoticeBundle>();
  for (const lang of langs) {
    const path = clientBundlePath(clientDir, lang);
    if (!existsSync(path)) {
      throw new MissingBuildError(`${path} is missing: run \`npm run build\` first`);
    }
    bundles.set(lang, JSON.parse(readFileSync(path, 'utf8')) as NoticeBundle);
  }
  return bundles;
}

/** The bundles of `langs` from the build in `outDir`; throws when the build is missing. */
export function readBundles(outDir: string, langs: readonly string[]): Map<string, NoticeBundle> {
  return readClientBundles(join(outDir, 'client'), langs);
}
