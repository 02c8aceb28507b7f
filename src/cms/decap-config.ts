/**
 * The configuration of the editor at /admin/ (Decap CMS), made from the zod schemas that the
 * build checks the content with, so that what the editor saves is what the build accepts.
 */
import type { z } from 'astro/zod';
import { localeCodes, sourceLocale } from '../lib/locales';
import {
  bodyText,
  contentCollections,
  eachCollection,
  schemaOf,
  type NamedCollection,
  type OneFileName,
  type TranslatedName,
} from '../schemas/collections';
import { fieldsOf, jsonSchemaOf, type CmsField } from './json-schema-fields';

/** What the site's content holds when the configuration is made. */
export interface ContentFacts {
  /** File names of the desks, e.g. ['lavoro', 'mentoring']. */
  desks: string[];
  /** The keys of each one-file collection, e.g. { partners: ['cpia', …], hours: ['polo'], … }. */
  entries: Record<OneFileName, string[]>;
}

/** The git host the staff log in with in production; locally the proxy of `decap-server`. */
export interface Backend {
  name: string;
  repo?: string;
  branch?: string;
  base_url?: string;
}

/**
 * Fields the site's code writes and staff never do: on a translation, the revision of the
 * Italian words it translates (`translationOf`); on the Italian, the day its words last changed
 * (`textChanged`); beside a recording, the revision of the Italian words it was attached to
 * (`recordingOf`). The editor keeps them as they are and does not show them.
 */
export const codeWrittenFields: readonly string[] = ['translationOf', 'textChanged', 'recordingOf'];

/**
 * A page's recording: an upload into content/recordings/, written in the entry as
 * /audio/{file}, the address the build publishes it at (src/pages/audio/[file].ts).
 */
const recordingWidget = {
  widget: 'file',
  media_folder: '/content/recordings',
  public_folder: '/audio',
  choose_url: false,
};

/**
 * The hours page's recordings (`recordings:` in hours.yaml): each an upload like a page's, its
 * revision hidden, as on a translated entry.
 */
function withRecordingWidgets(field: CmsField): CmsField {
  if (field.name !== 'recordings' || !Array.isArray(field['fields'])) return field;
  const fields = (field['fields'] as CmsField[]).map((item): CmsField => {
    if (item.name === 'recording') return { ...item, ...recordingWidget };
    if (codeWrittenFields.includes(item.name)) {
      return { name: item.name, label: item.label, widget: 'hidden', required: false };
    }
    return item;
  });
  return { ...field, fields };
}

/**
 * Optional groups that start, when staff add them, as a copy of another field of the same
 * entry, with the words of their two buttons: the next timetable starts as the current one
 * (src/cms/browser/optional-group.ts).
 */
const startsAsCopy: Record<string, { of: string; add: string; remove: string }> = {
  next: {
    of: 'weekly',
    add: 'Prepara il prossimo orario, partendo da quello attuale',
    remove: 'Togli il prossimo orario',
  },
};

/**
 * The fields of a translated collection. Words are translated (`i18n: true`); facts
 * (its `languageNeutral` fields) are edited in the Italian tab only and never written into a
 * translation, which inherits them.
 */
export function translatedFields(collection: TranslatedName, schema: z.ZodType): CmsField[] {
  const neutral: readonly string[] = contentCollections[collection].languageNeutral;
  // No date starts at today ('{{now}}'): Decap would set it in every translation tab too, and
  // write a file for each language nobody wrote in. The editor has a button "Adesso" instead.
  const fields = fieldsOf(jsonSchemaOf(schema)).map((field) => ({
    ...field,
    i18n: !neutral.includes(field.name),
  }));
  const body: CmsField = { name: 'body', ...bodyText, widget: 'markdown', i18n: true };
  // The body after the summary: the order of the page.
  const at = fields.findIndex((f) => f.name === 'summary') + 1;
  return [...fields.slice(0, at), body, ...fields.slice(at)].map((field): CmsField => {
    if (codeWrittenFields.includes(field.name)) {
      const { name, label, i18n = true } = field;
      return { name, label, widget: 'hidden', required: false, i18n };
    }
    // Italian: always "source"; a translation: machine or reviewed (browser/translation-status.ts).
    if (field.name === 'translation')
      return { ...field, widget: 'translation-status', sourceLocale };
    if (field.name === 'recording') return { ...field, ...recordingWidget };
    return field;
  });
}

type Translated = Extract<NamedCollection, { kind: 'translated' }>;
type OneFile = Extract<NamedCollection, { kind: 'one-file' }>;

/** A collection translated per language: a folder of Markdown files, one tab per language. */
function folderCollection(collection: Translated, facts: ContentFacts) {
  const { name, label, staffAdds } = collection;
  const fields = translatedFields(name, schemaOf(name, facts.desks)).map((field) =>
    // The desk an entry names is one of the desks that exist (the build checks it again).
    field.name === 'activity' ? { ...field, widget: 'select', options: facts.desks } : field,
  );
  return {
    name,
    label,
    label_singular: label,
    description: collection.description,
    folder: `content/${collection.path}`,
    extension: 'md',
    format: 'yaml-frontmatter',
    create: staffAdds,
    delete: staffAdds,
    i18n: true,
    slug: '{{slug}}',
    summary: '{{title}}',
    fields,
  };
}

/** A YAML file whose entries sit under keys (`polo:` …): one object field per key. */
function keyedFile(collection: OneFile, keys: string[]) {
  const { name, label } = collection;
  const fields = fieldsOf(jsonSchemaOf(schemaOf(name, [])));
  return {
    name,
    label,
    file: `content/${collection.path}`,
    fields: keys.map((key) => ({
      name: key,
      label: key === 'polo' ? label : key,
      widget: 'object',
      collapsed: keys.length > 1,
      fields: fields.map((field) => {
        const copy = startsAsCopy[field.name];
        if (!copy) return withRecordingWidgets(field);
        // The copy is read where the entry holds it: under its key, e.g. polo.weekly.
        const { add, remove } = copy;
        return { ...field, copyOf: [key, copy.of], add, remove };
      }),
    })),
  };
}

/** The whole configuration, as the editor reads it from /admin/config.json. */
export function decapConfig(facts: ContentFacts, backend: Backend) {
  // The one-file collections are one group of the editor, where the first of them stands.
  const files = {
    name: 'hours-and-place',
    label: 'Orari, festività, sede e partner',
    description: 'Dati uguali in ogni lingua: ogni lingua li scrive con le sue parole.',
    files: [] as ReturnType<typeof keyedFile>[],
  };
  const collections: (ReturnType<typeof folderCollection> | typeof files)[] = [];
  for (const collection of eachCollection()) {
    if (collection.kind === 'translated') collections.push(folderCollection(collection, facts));
    if (collection.kind === 'one-file') {
      if (files.files.length === 0) collections.push(files);
      files.files.push(keyedFile(collection, facts.entries[collection.name]));
    }
  }
  return {
    backend: { ...backend, squash_merges: true },
    // `npx decap-server` on this computer: no account, the files of the working tree.
    local_backend: true,
    locale: 'it',
    // Pictures are not part of the content model: no media library.
    media_folder: 'public/media',
    publish_mode: 'simple',
    site_url: '/',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    i18n: {
      structure: 'multiple_folders',
      locales: [...localeCodes],
      default_locale: sourceLocale,
    },
    collections,
  };
}
