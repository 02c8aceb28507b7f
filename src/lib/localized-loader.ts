/**
 * A glob loader for text translated into several languages, laid out as
 * `content/{collection}/{lang}/{slug}.md`. On top of the schema it checks what no single
 * file can show: the language folders, and that every translation has an Italian original.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { file, glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { isLocale, localeCodes, sourceLocale } from '../i18n/locales';
import { assertRealDates } from './raw-dates';

export class ContentError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ContentError';
  }
}

/** Entry id of a translated file, e.g. 'ar/lavoro.md' => 'ar/lavoro'. */
export function entryId(relativePath: string): string {
  return relativePath.replace(/\.(md|mdx)$/, '').toLowerCase();
}

/**
 * Problems in a collection's folder, e.g. a folder `de/` that is not a language of the site,
 * or `ar/lavoro.md` with no `it/lavoro.md`. Returns one line per problem, naming the file.
 */
export function layoutProblems(folder: string, shownAs: string): string[] {
  const problems: string[] = [];
  const languages = readdirSync(folder).filter((name) =>
    statSync(join(folder, name)).isDirectory(),
  );
  const slugsOf = (lang: string) =>
    readdirSync(join(folder, lang))
      .filter((name) => name.endsWith('.md'))
      .map((name) => name.slice(0, -3));
  const original = new Set(languages.includes(sourceLocale) ? slugsOf(sourceLocale) : []);
  for (const lang of languages) {
    if (!isLocale(lang)) {
      problems.push(
        `${shownAs}/${lang}/: "${lang}" is not a language of the site (${localeCodes.join(', ')}); ` +
          'rename the folder or add the language to src/i18n/locales.ts',
      );
      continue;
    }
    if (lang === sourceLocale) continue;
    for (const slug of slugsOf(lang)) {
      if (!original.has(slug)) {
        problems.push(
          `${shownAs}/${lang}/${slug}.md: this translation has no Italian original ` +
            `${shownAs}/${sourceLocale}/${slug}.md; add it, or check the file name`,
        );
      }
    }
  }
  return problems;
}

/** Glob loader for `{base}/{lang}/*.md` that also checks the layout and translation status. */
export function localizedGlob(base: string): Loader {
  const inner = glob({ pattern: '*/*.md', base, generateId: ({ entry }) => entryId(entry) });
  return {
    name: 'localized-glob',
    load: async (context) => {
      const shownAs = relative(process.cwd(), base) || base;
      const problems = layoutProblems(base, shownAs);
      if (problems.length > 0) throw new ContentError(shownAs, `\n  ${problems.join('\n  ')}`);
      for (const lang of readdirSync(base)) {
        if (!statSync(join(base, lang)).isDirectory()) continue;
        for (const name of readdirSync(join(base, lang)).filter((n) => n.endsWith('.md'))) {
          assertRealDates(join(base, lang, name), `${shownAs}/${lang}/${name}`);
        }
      }
      await inner.load(context);
      for (const [id, entry] of context.store.entries()) {
        const lang = id.split('/')[0];
        const status = (entry.data as { translation?: string }).translation;
        const file = entry.filePath ?? `${shownAs}/${id}.md`;
        if (lang === sourceLocale && status !== 'source') {
          throw new ContentError(file, 'translation: the Italian original must say "source"');
        }
        if (lang !== sourceLocale && status === 'source') {
          throw new ContentError(
            file,
            'translation: a translation must say "machine" or, once a person has checked it, "reviewed"',
          );
        }
      }
    },
  };
}

/** The `file()` loader for one YAML file, checking first that its dates exist. */
export function checkedFile(path: string): Loader {
  const inner = file(path);
  return {
    name: 'checked-file',
    load: async (context) => {
      assertRealDates(path, relative(process.cwd(), path) || path);
      await inner.load(context);
    },
  };
}
