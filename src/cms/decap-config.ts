/**
 * The configuration of the editor at /admin/ (Decap CMS), made from the zod schemas that the
 * build checks the content with, so that what the editor saves is what the build accepts.
 */
import { z } from 'astro/zod';
import { localeCodes, sourceLocale } from '../lib/locales';
import {
  activitySchema,
  hoursSchema,
  languageNeutralFields,
  noticeSchema,
  pageSchema,
  partnerSchema,
  placeSchema,
  programmeSchema,
} from '../schemas/content';
import { fieldsOf, type CmsField, type JsonSchema } from './json-schema-fields';
import { fieldText } from './labels';

/** What the site's content holds when the configuration is made. */
export interface ContentFacts {
  /** File names of the desks, e.g. ['lavoro', 'mentoring']. */
  desks: string[];
  /** Keys of `partners.yaml`, e.g. ['cpia']. */
  partners: string[];
}

/** The git host the staff log in with in production; locally the proxy of `decap-server`. */
export interface Backend {
  name: string;
  repo?: string;
  branch?: string;
  base_url?: string;
}

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;

type Translated = keyof typeof languageNeutralFields;

/**
 * The fields of a translated collection. Words are translated (`i18n: true`); facts
 * (`languageNeutralFields`) are edited in the Italian tab only and never written into a
 * translation, which inherits them.
 */
export function translatedFields(collection: Translated, schema: z.ZodType): CmsField[] {
  const neutral: readonly string[] = languageNeutralFields[collection];
  // No date starts at today ('{{now}}'): Decap would set it in every translation tab too, and
  // write a file for each language nobody wrote in. The editor has a button "Adesso" instead.
  const fields = fieldsOf(jsonSchema(schema)).map((field) => ({
    ...field,
    i18n: !neutral.includes(field.name),
  }));
  const body: CmsField = { name: 'body', ...fieldText('body'), widget: 'markdown', i18n: true };
  // The body after the summary: the order of the page.
  const at = fields.findIndex((f) => f.name === 'summary') + 1;
  return [...fields.slice(0, at), body, ...fields.slice(at)].map((field) =>
    field.name === 'translation'
      ? // Italian: always "source"; a translation: machine or reviewed (see polo-cms.js).
        { ...field, widget: 'translation-status', sourceLocale }
      : field,
  );
}

function folderCollection(
  name: Translated,
  label: string,
  schema: z.ZodType,
  options: { create: boolean; description: string },
) {
  return {
    name,
    label,
    label_singular: label,
    description: options.description,
    folder: `content/${name}`,
    extension: 'md',
    format: 'yaml-frontmatter',
    create: options.create,
    delete: options.create,
    i18n: true,
    slug: '{{slug}}',
    summary: '{{title}}',
    fields: translatedFields(name, schema),
  };
}

/** A YAML file whose entries sit under keys (`polo:` …): one object field per key. */
function keyedFile(name: string, label: string, file: string, keys: string[], schema: z.ZodType) {
  const fields = fieldsOf(jsonSchema(schema));
  return {
    name,
    label,
    file,
    fields: keys.map((key) => ({
      name: key,
      label: key === 'polo' ? label : key,
      widget: 'object',
      collapsed: keys.length > 1,
      fields,
    })),
  };
}

/** The whole configuration, as the editor reads it from /admin/config.json. */
export function decapConfig(facts: ContentFacts, backend: Backend) {
  const notices = folderCollection('notices', 'Avvisi', noticeSchema(facts.desks), {
    create: true,
    description: 'Chiusure e novità. Una chiusura compare negli orari, nel calendario e nel feed.',
  });
  notices.fields = notices.fields.map((field) =>
    field.name === 'activity' ? { ...field, widget: 'select', options: facts.desks } : field,
  );
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
    collections: [
      notices,
      {
        name: 'hours-and-place',
        label: 'Orari, sede e partner',
        description: 'Dati uguali in ogni lingua: ogni lingua li scrive con le sue parole.',
        files: [
          keyedFile('hours', 'Orari di apertura', 'content/hours.yaml', ['polo'], hoursSchema),
          keyedFile('place', 'Sede e contatti', 'content/place.yaml', ['polo'], placeSchema),
          keyedFile('partners', 'Partner', 'content/partners.yaml', facts.partners, partnerSchema),
        ],
      },
      folderCollection('activities', 'Sportelli', activitySchema, {
        create: false,
        description: 'Gli sportelli del Polo. Per aggiungerne uno serve uno sviluppatore.',
      }),
      folderCollection('pages', 'Pagine', pageSchema, {
        create: false,
        description: 'Home, privacy, dichiarazione di accessibilità.',
      }),
      folderCollection('programme', 'Programma', programmeSchema, {
        create: false,
        description: 'La pagina del programma Su.Pr.Eme. Italia.',
      }),
    ],
  };
}
