/**
 * The content collections under `content/`, each named once: where its files are, how they
 * are laid out, its schema, the facts its translations inherit, and its name for the staff in
 * the editor at /admin/. The build (`src/content.config.ts`), the editor (`src/cms/`) and the
 * tests go through this list.
 */
import type { z } from 'astro/zod';
import {
  activitySchema,
  holidaysSchema,
  hoursSchema,
  noticeSchema,
  pageSchema,
  partnerSchema,
  placeSchema,
  programmeSchema,
} from './content.ts';
import { uiSchema } from './ui.ts';

/** A schema, or for notices one made from the desks that exist, e.g. ['lavoro', 'mentoring']. */
type Schema = z.ZodType | ((desks: readonly string[]) => z.ZodType);
type Made<S extends Schema> = S extends (desks: readonly string[]) => infer R ? R : S;

/** Text written in Italian and translated: `{path}/{lang}/{slug}.md`, YAML frontmatter. */
interface Translated<S extends Schema> {
  kind: 'translated';
  path: string;
  schema: S;
  /**
   * Fields that state facts rather than words. They are written in the Italian original only;
   * a translation that leaves them out inherits them, one that gives another value is an error.
   */
  languageNeutral: readonly (keyof z.output<Made<S>> & string)[];
  /** The collection's name in the editor. */
  label: string;
  /** The editor's line under the name. */
  description: string;
  /** Whether staff add and delete entries in the editor; if not, a developer does. */
  staffAdds: boolean;
}

/** One YAML file of named entries (`polo:`, `cpia:` …), the same in every language. */
interface OneFile<S extends Schema> {
  kind: 'one-file';
  path: string;
  schema: S;
  /** The file's name in the editor, and the name of its `polo` entry. */
  label: string;
}

/** The interface words, one YAML file per language: `{path}/{lang}.yaml`. Not in the editor. */
interface UiStrings<S extends Schema> {
  kind: 'ui-strings';
  path: string;
  schema: S;
}

// Each entry's own schema type, so that the site reads each collection with its fields.
const translated = <S extends Schema>(c: Omit<Translated<S>, 'kind'>): Translated<S> => ({
  kind: 'translated',
  ...c,
});
const oneFile = <S extends Schema>(c: Omit<OneFile<S>, 'kind'>): OneFile<S> => ({
  kind: 'one-file',
  ...c,
});

/** In the editor's order: the notices first, then the files, then the texts staff only edit. */
export const contentCollections = {
  notices: translated({
    path: 'notices',
    schema: noticeSchema,
    languageNeutral: ['published', 'activity', 'closure', 'newsletter'],
    label: 'Avvisi',
    description: 'Chiusure e novità. Una chiusura compare negli orari, nel calendario e nel feed.',
    staffAdds: true,
  }),
  hours: oneFile({ path: 'hours.yaml', schema: hoursSchema, label: 'Orari di apertura' }),
  holidays: oneFile({ path: 'holidays.yaml', schema: holidaysSchema, label: 'Festività' }),
  place: oneFile({ path: 'place.yaml', schema: placeSchema, label: 'Sede e contatti' }),
  partners: oneFile({ path: 'partners.yaml', schema: partnerSchema, label: 'Partner' }),
  activities: translated({
    path: 'activities',
    schema: activitySchema,
    languageNeutral: ['kind', 'order', 'address', 'phone', 'email'],
    label: 'Sportelli',
    description: 'Gli sportelli del Polo. Per aggiungerne uno serve uno sviluppatore.',
    staffAdds: false,
  }),
  pages: translated({
    path: 'pages',
    schema: pageSchema,
    languageNeutral: [],
    label: 'Pagine',
    description: 'Home, privacy, dichiarazione di accessibilità.',
    staffAdds: false,
  }),
  programme: translated({
    path: 'programme',
    schema: programmeSchema,
    languageNeutral: [],
    label: 'Programma',
    description: 'La pagina del programma Su.Pr.Eme. Italia.',
    staffAdds: false,
  }),
  ui: { kind: 'ui-strings', path: 'ui', schema: uiSchema } satisfies UiStrings<typeof uiSchema>,
};

type Collections = typeof contentCollections;
export type CollectionName = keyof Collections;
/** The collections translated per language, e.g. 'notices'. */
export type TranslatedName = {
  [N in CollectionName]: Collections[N]['kind'] extends 'translated' ? N : never;
}[CollectionName];
export type OneFileName = {
  [N in CollectionName]: Collections[N]['kind'] extends 'one-file' ? N : never;
}[CollectionName];
/** The schema of a collection as the build checks it, e.g. the notice schema for 'notices'. */
export type SchemaOf<N extends CollectionName> = Made<Collections[N]['schema']>;

/** The editor's words for the text of a translated entry, the Markdown under the fields. */
export const bodyText = { label: 'Testo', hint: 'Frasi brevi e semplici.' };

/** A collection with its name, e.g. { name: 'hours', kind: 'one-file', path: 'hours.yaml', … }. */
export type NamedCollection = {
  [N in CollectionName]: Collections[N] & { name: N };
}[CollectionName];

/** Every collection with its name, in the registry's order. */
export function eachCollection(): NamedCollection[] {
  return (Object.keys(contentCollections) as CollectionName[]).map(
    (name) => ({ ...contentCollections[name], name }) as NamedCollection,
  );
}

/** Whether `name` is a collection translated per language, e.g. 'notices' but not 'hours'. */
export function isTranslated(name: string): name is TranslatedName {
  return (
    Object.hasOwn(contentCollections, name) &&
    contentCollections[name as CollectionName].kind === 'translated'
  );
}

/** The schema a collection is checked with; `desks` are the desks a notice may name. */
export function schemaOf<N extends CollectionName>(name: N, desks: readonly string[]): SchemaOf<N> {
  const schema: Schema = contentCollections[name].schema;
  return (typeof schema === 'function' ? schema(desks) : schema) as SchemaOf<N>;
}
