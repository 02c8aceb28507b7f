/**
 * A glob loader for text translated into several languages, laid out as
 * `content/{collection}/{lang}/{slug}.md`. On top of the schema it checks what no single
 * file can show: the language folders, and that every translation has an Italian original.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { file, glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { isLocale, localeCodes, localeInfo, sourceLocale } from '../lib/locales';
import { ContentError, schemaError } from './content-errors';
import { readSource, type SourceFile } from './content-source';
import { loadWatched } from './dev-load';
import { withOriginalFacts, type WrittenEntry } from './language-neutral';
import { impossibleDates } from './raw-dates';
import { scriptMismatch } from '../lib/writing-system';
import { recordingFacts } from './recording-file';

export { ContentError } from './content-errors';

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
          'rename the folder or add the language to src/lib/locales.ts',
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

/**
 * Files the site never shows, e.g. `notices/chiusura.md` outside any language folder or a
 * `.txt` in one. Warnings, not errors: the build goes on, and says what to check.
 */
export function layoutWarnings(folder: string, shownAs: string): string[] {
  const warnings: string[] = [];
  for (const name of readdirSync(folder)) {
    if (name.startsWith('.')) continue;
    const path = join(folder, name);
    if (!statSync(path).isDirectory()) {
      warnings.push(
        `${shownAs}/${name}: this file is outside the language folders and is not on the site; ` +
          `move it into ${shownAs}/${sourceLocale}/ (Italian) or a translation's folder`,
      );
      continue;
    }
    if (!isLocale(name)) continue;
    for (const inner of readdirSync(path)) {
      if (inner.startsWith('.')) continue;
      if (!inner.endsWith('.md')) {
        warnings.push(`${shownAs}/${name}/${inner}: only .md files are on the site`);
      }
    }
  }
  return warnings;
}

/**
 * Each file as written, read once and checked for impossible dates and YAML syntax before
 * Astro reads it, so the message has a line number and no stack trace.
 */
function readWritten(
  path: string,
  shownAs: string,
  markdown: boolean,
): { source: SourceFile; text: string } {
  const text = readFileSync(path, 'utf8');
  const source = readSource(text, markdown);
  const problems = [...impossibleDates(text), ...source.syntaxErrors];
  if (problems.length > 0) throw new ContentError(shownAs, `\n  ${problems.join('\n  ')}`);
  return { source, text };
}

/** A warning when a file's words are in another script than its folder's language. */
function scriptWarning(text: string, lang: string, shownAs: string): string | undefined {
  if (!isLocale(lang)) return undefined;
  const { label, script } = localeInfo(lang);
  // The field names are English; only the values are the language's words.
  const words = text.replace(/^---[\s\S]*?\n---/, (fm) => fm.replace(/^\s*[\w.-]+\s*:/gm, ''));
  const mismatch = scriptMismatch(words, script, label);
  return mismatch && `${shownAs}: ${mismatch}`;
}

type ParseData = LoaderContext['parseData'];

/** The Italian original says `source`; a translation `machine`, or `reviewed` once checked. */
function assertTranslationStatus(lang: string | undefined, data: unknown, file: string) {
  const status = (data as { translation?: string }).translation;
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

/** A recording the entry names must be a file the site can offer (src/loaders/recording-file.ts). */
function checkRecording(data: unknown, base: string, file: string) {
  const url = (data as { recording?: string }).recording;
  if (!url) return;
  try {
    recordingFacts(join(base, '..'), url);
  } catch (error) {
    throw new ContentError(file, `recording: ${(error as Error).message}`);
  }
}

/**
 * The recordings a one-file entry lists (the hours page's, `recordings:` in hours.yaml) must be
 * files the site can offer, as an entry's own recording: the message names the line and language.
 */
function checkListedRecordings(
  data: unknown,
  path: string,
  shownAs: string,
  { source, key }: { source: SourceFile; key: string },
) {
  const listed = (data as { recordings?: { lang: string; recording: string }[] }).recordings;
  const problems = (listed ?? []).flatMap(({ lang, recording }, index) => {
    try {
      recordingFacts(dirname(path), recording);
      return [];
    } catch (error) {
      const line = source.lineOf([key, 'recordings', index, 'recording']);
      return [`line ${line} (recordings, ${lang}): recording: ${(error as Error).message}`];
    }
  });
  if (problems.length > 0) {
    throw new ContentError(shownAs, `\n  ${problems.join('\n  ')}`);
  }
}

/**
 * Glob loader for `{base}/{lang}/*.md`. On top of the schema it checks the layout and the
 * translation status, gives translations the Italian original's `languageNeutral` fields,
 * and reports schema mistakes with their line.
 */
export function localizedGlob(
  base: string,
  schema: z.ZodType,
  languageNeutral: readonly string[] = [],
): Loader {
  const inner = glob({ pattern: '*/*.md', base, generateId: ({ entry }) => entryId(entry) });
  return {
    name: 'localized-glob',
    load: loadWatched(base, async (context) => {
      const shownAs = relative(process.cwd(), base) || base;
      const problems = layoutProblems(base, shownAs);
      if (problems.length > 0) throw new ContentError(shownAs, `\n  ${problems.join('\n  ')}`);
      for (const warning of layoutWarnings(base, shownAs)) context.logger.warn(warning);

      // Every build reads every file afresh: a translation's facts come from its Italian
      // original and the schemas change with the code, so an entry cached from an earlier
      // build could keep old ones. Tens of small files: milliseconds.
      context.store.clear();
      const written = new Map<string, WrittenEntry>();
      for (const lang of readdirSync(base)) {
        if (!statSync(join(base, lang)).isDirectory()) continue;
        for (const name of readdirSync(join(base, lang)).filter((n) => n.endsWith('.md'))) {
          const entry = `${shownAs}/${lang}/${name}`;
          const { source, text } = readWritten(join(base, lang, name), entry, true);
          const warning = scriptWarning(text, lang, entry);
          if (warning) context.logger.warn(warning);
          written.set(entryId(`${lang}/${name}`), { source, shownAs: entry });
        }
      }

      const parseData: ParseData = async (props) => {
        const entry = written.get(props.id);
        let data = props.data;
        if (!entry) return context.parseData(props);
        const [lang, ...slug] = props.id.split('/');
        const original = written.get(`${sourceLocale}/${slug.join('/')}`);
        if (lang !== sourceLocale && original && languageNeutral.length > 0) {
          // The same record with the original's facts filled in: its type does not change.
          data = withOriginalFacts(data, entry, original, languageNeutral) as typeof data;
        }
        const result = schema.safeParse(data);
        if (!result.success) {
          // A mistake in an inherited fact is the original's to fix: name the Italian file.
          const inherited = result.error.issues.filter(
            (issue) =>
              original !== entry &&
              languageNeutral.includes(String(issue.path[0])) &&
              !(String(issue.path[0]) in (entry.source.data as object)),
          );
          if (original && inherited.length > 0) {
            throw schemaError(original.shownAs, inherited, data, original.source);
          }
          throw schemaError(entry.shownAs, result.error.issues, data, entry.source);
        }
        checkRecording(result.data, base, entry.shownAs);
        return context.parseData({ ...props, data });
      };
      await inner.load({ ...context, parseData });

      for (const [id, entry] of context.store.entries()) {
        assertTranslationStatus(
          id.split('/')[0],
          entry.data,
          entry.filePath ?? `${shownAs}/${id}.md`,
        );
      }
    }),
  };
}

/** The `file()` loader for one YAML file of named entries, with mistakes reported by line. */
export function checkedFile(path: string, schema: z.ZodType): Loader {
  const inner = file(path);
  return {
    name: 'checked-file',
    load: loadWatched(path, async (context) => {
      const shownAs = relative(process.cwd(), path) || path;
      context.store.clear(); // as in localizedGlob: no entry cached under an older schema
      const { source } = readWritten(path, shownAs, false);
      const parseData: ParseData = async (props) => {
        const result = schema.safeParse(props.data);
        if (!result.success) {
          throw schemaError(shownAs, result.error.issues, props.data, source, [props.id]);
        }
        checkListedRecordings(result.data, path, shownAs, { source, key: props.id });
        return context.parseData(props);
      };
      await inner.load({ ...context, parseData });
    }),
  };
}

/** A glob loader for YAML files that are one entry each (`ui/fr.yaml`), with mistakes by line. */
export function checkedYamlFiles(base: string, schema: z.ZodType): Loader {
  const inner = glob({ pattern: '*.yaml', base });
  return {
    name: 'checked-yaml-files',
    load: loadWatched(base, async (context) => {
      const shownAs = relative(process.cwd(), base) || base;
      context.store.clear(); // as in localizedGlob: no entry cached under an older schema
      const sources = new Map<string, SourceFile>();
      for (const name of readdirSync(base).filter((n) => n.endsWith('.yaml'))) {
        const { source } = readWritten(join(base, name), `${shownAs}/${name}`, false);
        sources.set(name.slice(0, -5), source);
      }
      const parseData: ParseData = async (props) => {
        const source = sources.get(props.id);
        const result = schema.safeParse(props.data);
        const file = `${shownAs}/${props.id}.yaml`;
        if (source && !result.success) {
          throw schemaError(file, result.error.issues, props.data, source);
        }
        assertTranslationStatus(props.id, props.data, file);
        return context.parseData(props);
      };
      await inner.load({ ...context, parseData });
    }),
  };
}
