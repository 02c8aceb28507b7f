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
import { italianDay } from '../../lib/hours/schedule';
import { jsonSchemaOf, type JsonSchema } from '../json-schema-fields';
import { dateDoubts, nextTimetableDoubt } from './doubts';
import { issueSentence, tabPrefix } from './messages';

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
  if (Array.isArray(value)) {
    // Inside each item of a list of groups (a holiday): its empty fields, never the item
    // itself, which the check then names as incomplete.
    return value.flatMap((item, index) =>
      typeof item === 'object' && item !== null && !Array.isArray(item)
        ? emptyPathsOf(item, [...path, index]).filter((inner) => inner.length > path.length + 1)
        : [],
    );
  }
  if (typeof value !== 'object' || value === null) return [];
  const entries = Object.entries(value);
  const empty = entries.flatMap(([key, inner]) => emptyPathsOf(inner, [...path, key]));
  // An optional group left wholly empty (a closure with neither day, a next timetable with
  // no day and no week) goes as a whole. An empty list alone stays: `openOn: []` is written.
  const blank = entries.filter(
    ([, inner]) => isEmpty(inner) || (Array.isArray(inner) && inner.length === 0),
  );
  const wholly = path.length > 0 && entries.length > 0 && blank.length === entries.length;
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

/** The groups of an entry that may be left out whole, e.g. ['closure'] of a notice. */
const optionalGroups = (json: JsonSchema) =>
  Object.entries(json.properties ?? {})
    .filter(([name, property]) => property.type === 'object' && !json.required?.includes(name))
    .map(([name]) => name);

/** One sentence per problem, in Italian and in staff words (see messages.ts). */
function sentencesOf(error: z.ZodError, data: unknown, json: JsonSchema): string[] {
  return error.issues.map((issue) => issueSentence(issue, json, data, optionalGroups(json)));
}

/** 'Traduzione in arabo: ' before each sentence of a translation tab. */
const inTab = (locale: string, sentences: string[]) =>
  sentences.map((s) => `${tabPrefix(locale)}${s.charAt(0).toLowerCase()}${s.slice(1)}`);

/** Whether a translation tab holds any words, e.g. an Arabic tab never opened holds none. */
export function hasWords(data: Record<string, unknown>): boolean {
  return ['title', 'summary', 'body'].some((key) => !isEmpty(data[key]));
}

/** What the check finds: problems refuse the save; doubts are asked about before it. */
export interface EntryCheck {
  problems: string[];
  /** Slips the Polo may mean, e.g. a date more than a year ahead: staff are asked. */
  doubts: string[];
  /** The empty values to leave out of the Italian file. */
  emptyPaths: Path[];
}

/**
 * The problems of an entry, as the build would find them, the doubts to ask about (a date far
 * ahead, a next timetable that closes days), and the empty values to leave out of the Italian
 * file. A translation is checked with the facts of the Italian original it inherits. `today`
 * is the Italian calendar day, YYYY-MM-DD.
 */
export function problemsOf(entry: CmsEntry, today = italianDay(Date.now()).iso): EntryCheck {
  const emptyPaths = emptyPathsOf(entry.data).filter((path) => path.length > 0);
  const data = withoutPaths(entry.data, emptyPaths);
  const frontmatter = withoutBody(data);
  if (!isTranslated(entry.collection)) {
    const fileSchema = fileSchemaOf(entry.file);
    if (!fileSchema) return { problems: [], doubts: [], emptyPaths };
    const json = jsonSchemaOf(fileSchema);
    // Keyed YAML files: every key holds one entry of the schema (polo:, cpia:, …).
    const problems: string[] = [];
    const doubts: string[] = [];
    for (const value of Object.values(frontmatter)) {
      const result = fileSchema.safeParse(value);
      if (!result.success) problems.push(...sentencesOf(result.error, value, json));
      const dates = dateDoubts(json, (value ?? {}) as Record<string, unknown>, today);
      problems.push(...dates.problems);
      doubts.push(...dates.doubts);
      if (entry.file === 'hours') {
        const closing = nextTimetableDoubt(value as Parameters<typeof nextTimetableDoubt>[0]);
        if (closing) doubts.push(closing);
      }
    }
    return { problems, doubts, emptyPaths };
  }
  // The list of desks is the editor's choice list; the build checks the name again.
  const desks = typeof data['activity'] === 'string' ? [data['activity']] : [];
  const schema: z.ZodType = schemaOf(entry.collection, desks);
  const json = jsonSchemaOf(schema);
  const original = schema.safeParse(frontmatter);
  const problems = original.success ? [] : sentencesOf(original.error, frontmatter, json);
  const dates = dateDoubts(json, frontmatter, today);
  problems.push(...dates.problems);
  const doubts = [...dates.doubts];
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
    const translation = { ...facts, ...withoutBody(kept) };
    const result = schema.safeParse(translation);
    if (!result.success) {
      // A fact's problem is the Italian tab's, already said once.
      const issues = result.error.issues.filter((i) => !neutral.includes(String(i.path[0])));
      problems.push(...inTab(locale, sentencesOf({ issues } as z.ZodError, translation, json)));
    }
    // The facts' dates were asked about once, in the Italian tab.
    const own = dateDoubts(json, withoutBody(kept), today);
    problems.push(...inTab(locale, own.problems));
    doubts.push(...inTab(locale, own.doubts));
  }
  return { problems, doubts, emptyPaths };
}
