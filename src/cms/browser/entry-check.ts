/**
 * What the editor checks before saving, with the very schemas the build uses: an entry the
 * editor lets through is an entry the build accepts. Plain functions, so they run in a test too.
 */
import type { z } from 'astro/zod';
import { sourceLocale } from '../../lib/locales';
import {
  contentCollections,
  eachCollection,
  isTranslated,
  schemaOf,
} from '../../schemas/collections';
import { jsonSchemaOf, labelsAlong } from '../json-schema-fields';

/** An entry as Decap holds it: the Italian data, and the data of each translation tab. */
export interface CmsEntry {
  collection: string;
  /** The file of a file collection ('hours', 'place', 'partners'), else the entry's slug. */
  file: string;
  data: Record<string, unknown>;
  translations: Record<string, Record<string, unknown>>;
}

type Path = (string | number)[];

const isEmpty = (value: unknown) => value === '' || value === null || value === undefined;

/**
 * Paths of the values left empty, e.g. an unused closure => [['closure']]: an optional field
 * not filled is absent from the file, as the build expects, never an empty string.
 */
export function emptyPathsOf(value: unknown, path: Path = []): Path[] {
  if (isEmpty(value)) return [path];
  if (typeof value !== 'object' || Array.isArray(value) || value === null) return [];
  const entries = Object.entries(value);
  const empty = entries.flatMap(([key, inner]) => emptyPathsOf(inner, [...path, key]));
  // An optional group left wholly empty (a closure with neither day) goes as a whole.
  const wholly = path.length > 0 && entries.length > 0 && empty.length === entries.length;
  return wholly ? [path] : empty;
}

function withoutPaths(data: Record<string, unknown>, paths: Path[]): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const path of paths) {
    let parent: unknown = copy;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string, unknown>)[key];
    delete (parent as Record<string | number, unknown>)[path.at(-1) ?? ''];
  }
  return copy;
}

/** The frontmatter only: the text (`body`) is no field of the schema. */
const withoutBody = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'body'));

/** The schema of a file of the one-file collections, e.g. 'hours' => the hours' schema. */
function fileSchemaOf(file: string): z.ZodType | undefined {
  const collection = eachCollection().find((c) => c.name === file && c.kind === 'one-file');
  return collection && schemaOf(collection.name, []);
}

/** One line per problem, in Italian, naming the field, e.g. 'Chiusura › Al giorno: …'. */
function linesOf(error: z.ZodError, where: string, schema: z.ZodType): string[] {
  const json = jsonSchemaOf(schema);
  return error.issues.map((issue) => {
    const field = labelsAlong(json, issue.path).join(' › ') || 'voce';
    const missing = issue.code === 'invalid_type' && /undefined|missing/.test(issue.message);
    const text =
      issue.path.at(-1) === 'to' && issue.code === 'custom'
        ? 'la chiusura finisce prima di cominciare: l’ultimo giorno deve venire dopo il primo'
        : issue.path.at(-1) === 'closes' && issue.code === 'custom'
          ? 'l’ora di chiusura deve venire dopo quella di apertura'
          : missing
            ? 'manca'
            : issue.message;
    return `${where}${field}: ${text}`;
  });
}

/** Whether a translation tab holds any words, e.g. an Arabic tab never opened holds none. */
export function hasWords(data: Record<string, unknown>): boolean {
  return ['title', 'summary', 'body'].some((key) => !isEmpty(data[key]));
}

/**
 * The problems of an entry, as the build would find them, and the empty values to leave out of
 * the Italian file. A translation is checked with the facts of the Italian original it inherits.
 */
export function problemsOf(entry: CmsEntry): { problems: string[]; emptyPaths: Path[] } {
  const emptyPaths = emptyPathsOf(entry.data).filter((path) => path.length > 0);
  const data = withoutPaths(entry.data, emptyPaths);
  const frontmatter = withoutBody(data);
  if (!isTranslated(entry.collection)) {
    const fileSchema = fileSchemaOf(entry.file);
    if (!fileSchema) return { problems: [], emptyPaths };
    // Keyed YAML files: every key holds one entry of the schema (polo:, cpia:, …).
    const problems = Object.values(frontmatter).flatMap((value) => {
      const result = fileSchema.safeParse(value);
      return result.success ? [] : linesOf(result.error, '', fileSchema);
    });
    return { problems, emptyPaths };
  }
  // The list of desks is the editor's choice list; the build checks the name again.
  const desks = typeof data['activity'] === 'string' ? [data['activity']] : [];
  const schema: z.ZodType = schemaOf(entry.collection, desks);
  const problems: string[] = [];
  const original = schema.safeParse(frontmatter);
  if (!original.success) problems.push(...linesOf(original.error, 'Italiano: ', schema));
  const neutral: readonly string[] = contentCollections[entry.collection].languageNeutral;
  const facts = Object.fromEntries(
    Object.entries(frontmatter).filter(([k]) => neutral.includes(k)),
  );
  for (const [locale, words] of Object.entries(entry.translations)) {
    if (locale === sourceLocale || !hasWords(words)) continue;
    const kept = withoutPaths(
      words,
      emptyPathsOf(words).filter((p) => p.length > 0),
    );
    const wordsOnly = withoutBody(kept);
    const result = schema.safeParse({ ...facts, ...wordsOnly });
    if (!result.success) {
      // A fact's problem is the Italian tab's, already said once.
      const issues = result.error.issues.filter((i) => !neutral.includes(String(i.path[0])));
      problems.push(...linesOf({ issues } as z.ZodError, `${locale}: `, schema));
    }
  }
  return { problems, emptyPaths };
}
