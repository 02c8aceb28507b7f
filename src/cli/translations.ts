/**
 * The state of every translation under `content/`, read from the files as written (no build):
 * which translate the Italian words as they are, which were made from older Italian words, and
 * which do not say (`translationOf` missing). The comparison is the build's own
 * (`src/lib/translation-state.ts`), so the list and the pages agree.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { localeCodes, sourceLocale } from '../lib/locales.ts';
import { textRevision, type TextWords } from '../lib/text-revision.ts';
import { translationState, type TranslationState } from '../lib/translation-state.ts';
import { eachCollection } from '../schemas/collections.ts';

/** One translation file, e.g. { lang: 'en', collection: 'activities', file: 'content/…' }. */
export interface TranslationFile {
  lang: string;
  collection: string;
  /** As the operator's shell names it, from the current folder. */
  file: string;
  path: string;
  state: TranslationState;
  /** The Italian original's `textChanged`, when it has one. */
  changed?: string;
  /** The revision of the Italian words as they are now. */
  italianRevision: string;
}

// As the build reads a Markdown file (src/loaders/content-source.ts): fields between two ---.
const frontmatter = /^---(\r?\n)([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** A Markdown file's fields and text, e.g. '---\ntitle: Lavoro\n---\nText' => { fields, body }. */
export function readMarkdown(text: string, file: string) {
  const match = frontmatter.exec(text);
  if (!match)
    throw new Error(`${file}: the file must start with the fields between two lines of ---`);
  let fields: unknown;
  try {
    fields = parse(match[2] ?? '');
  } catch (error) {
    throw new Error(`${file}: the fields are not valid YAML (${(error as Error).message})`);
  }
  return {
    fields: (fields && typeof fields === 'object' ? fields : {}) as Record<string, unknown>,
    body: text.slice(match[0].length),
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

const markdownIn = (folder: string) =>
  existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];

/** A file of a translated collection beside its Italian original, both read. */
export interface LanguageFile {
  lang: string;
  collection: string;
  path: string;
  fields: Record<string, unknown>;
  /** The Italian words it is made from: the original's title, summary and text. */
  italian: TextWords;
  originalFields: Record<string, unknown>;
}

/**
 * The files of the translated collections in `contentDir` in `langs`, by language (in the
 * site's order), then collection, then file. One with no Italian original is left out: the
 * build names it.
 */
export function* languageFiles(contentDir: string, langs: readonly string[]) {
  const translated = eachCollection().filter((c) => c.kind === 'translated');
  for (const lang of langs) {
    for (const collection of translated) {
      const folder = join(contentDir, collection.path);
      for (const name of markdownIn(join(folder, lang))) {
        const originalPath = join(folder, sourceLocale, name);
        if (!existsSync(originalPath)) continue;
        const original = readMarkdown(readFileSync(originalPath, 'utf8'), originalPath);
        const path = join(folder, lang, name);
        const { fields } = readMarkdown(readFileSync(path, 'utf8'), path);
        const italian = {
          title: original.fields['title'],
          summary: original.fields['summary'],
          body: original.body,
        };
        const file: LanguageFile = {
          lang,
          collection: collection.name,
          path,
          fields,
          italian,
          originalFields: original.fields,
        };
        yield file;
      }
    }
  }
}

/** Every translation in `contentDir`, in the order of `languageFiles`. */
export function readTranslations(contentDir: string, from = process.cwd()): TranslationFile[] {
  const translations = localeCodes.filter((code) => code !== sourceLocale);
  return [...languageFiles(contentDir, translations)].map((file) => {
    const changed = text(file.originalFields['textChanged']);
    return {
      lang: file.lang,
      collection: file.collection,
      file: relative(from, file.path),
      path: file.path,
      state: translationState(text(file.fields['translationOf']), file.italian),
      ...(changed ? { changed } : {}),
      italianRevision: textRevision(file.italian),
    };
  });
}

/** Rows of words in columns two spaces apart, e.g. [['en', 'pages'], ['ar', 'x']]. */
export function columns(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * What `npm run content -- translations` prints: the outdated translations by language with
 * the day the Italian changed, then the untracked ones, e.g.
 *   Outdated translations (the Italian text changed after they were made): 1
 *     en  activities  content/activities/en/lavoro.md  Italian changed 2026-12-01
 */
export function translationsReport(files: readonly TranslationFile[]): string {
  const outdated = files.filter((f) => f.state === 'outdated');
  const untracked = files.filter((f) => f.state === 'untracked');
  const lines: string[] = [];
  if (outdated.length === 0) {
    lines.push('No outdated translations: each tracked one translates the Italian text as it is.');
  } else {
    lines.push(
      `Outdated translations (the Italian text changed after they were made): ${outdated.length}`,
      ...columns(
        outdated.map((f) => [
          f.lang,
          f.collection,
          f.file,
          f.changed ? `Italian changed ${f.changed}` : 'Italian changed (no date given)',
        ]),
      ).map((line) => `  ${line}`),
      'Update each from the Italian text; the editor then records it as current.',
    );
  }
  if (untracked.length > 0) {
    lines.push(
      '',
      `Not tracked (they do not say which Italian text they translate): ${untracked.length}`,
      ...columns(untracked.map((f) => [f.lang, f.collection, f.file])).map((line) => `  ${line}`),
      'Once one says what the Italian says, record it: npm run content -- translations --stamp',
    );
  }
  return lines.join('\n');
}

/**
 * `text` with `translationOf: {revision}` after its `translation:` line (or last among the
 * fields), every other byte as it was, e.g. '---\ntranslation: machine\n---' =>
 * '---\ntranslation: machine\ntranslationOf: 5c1f09a2\n---'.
 */
export function withTranslationOf(text: string, revision: string): string {
  const match = frontmatter.exec(text);
  if (!match) throw new Error('the file must start with the fields between two lines of ---');
  const eol = match[1] ?? '\n';
  const line = `translationOf: ${revision}`;
  const fieldsEnd = 3 + eol.length + (match[2] ?? '').length;
  const status = /^translation:.*$/m.exec(text.slice(0, fieldsEnd));
  const at = status ? status.index + status[0].length : fieldsEnd;
  return `${text.slice(0, at)}${eol}${line}${text.slice(at)}`;
}

/**
 * Records each untracked translation as a translation of the Italian words as they are now,
 * and returns them. For content known to be current, e.g. the files before revisions existed.
 */
export function stampUntracked(files: readonly TranslationFile[]): TranslationFile[] {
  const untracked = files.filter((f) => f.state === 'untracked');
  for (const file of untracked) {
    writeFileSync(
      file.path,
      withTranslationOf(readFileSync(file.path, 'utf8'), file.italianRevision),
    );
  }
  return untracked;
}
