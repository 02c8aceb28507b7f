/**
 * Turns the JSON Schema of a zod schema (`z.toJSONSchema`) into Decap CMS fields, so that the
 * editor asks for exactly what the build accepts: the same required fields, the same patterns
 * (dates, HH:MM times, e-mail), the same choices. Rules JSON Schema cannot carry (a closure
 * that ends before it starts, periods in order) are checked before saving by
 * `browser/entry-check.ts`.
 */
import { z } from 'astro/zod';
import { fieldText, optionText, type FieldText } from './labels';

/** The part of JSON Schema that `z.toJSONSchema` writes for the content schemas. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: string[];
  const?: string;
  pattern?: string;
  format?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  /** A record keyed by a fixed list, e.g. a name per language: `{ enum: ['it', 'ar', …] }`. */
  propertyNames?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  /** The editor's words, from the zod schema's `.meta()`: e.g. 'Apre alle'. */
  label?: string;
  /** A help line under the field. */
  hint?: string;
  /** The name of each choice of an enum, e.g. { monday: 'lunedì' }. */
  choices?: Record<string, string>;
}

/** The JSON Schema of what a zod schema accepts, as its output (after defaults). */
export const jsonSchemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;

/** A Decap CMS field, as written in its configuration. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  i18n?: boolean;
  pattern?: [string, string];
  [option: string]: unknown;
}

type WidgetOptions = Omit<CmsField, 'name' | 'label'>;

export const datePattern = '^\\d{4}-\\d{2}-\\d{2}$';
export const timePattern = '^([01]\\d|2[0-3]):[0-5]\\d$';

/** Decap's widget for a property of a schema, e.g. a YYYY-MM-DD string => a date picker. */
function widgetFor(name: string, schema: JsonSchema, text: FieldText): WidgetOptions {
  if (schema.const !== undefined) return { widget: 'hidden', default: schema.const };
  if (schema.enum) {
    return {
      widget: 'select',
      options: schema.enum.map((value) => ({ value, label: optionText(schema, value) })),
    };
  }
  switch (schema.type) {
    case 'boolean':
      return { widget: 'boolean', default: schema.default ?? false };
    case 'integer':
    case 'number':
      return {
        widget: 'number',
        value_type: schema.type === 'integer' ? 'int' : 'float',
        // A position in a list starts at 1; days after Easter may be negative (before it).
        min: schema.minimum ?? 1,
        ...(schema.maximum === undefined ? {} : { max: schema.maximum }),
      };
    case 'object':
      return { widget: 'object', collapsed: false, fields: fieldsOf(schema) };
    case 'array': {
      const items = schema.items ?? {};
      const list: WidgetOptions = {
        widget: 'list',
        ...(schema.minItems ? { min: schema.minItems } : {}),
      };
      if (items.type === 'object') return { ...list, fields: fieldsOf(items), collapsed: false };
      const item = fieldText('item', items, text);
      return {
        ...list,
        field: { name: 'item', ...labelled(item), ...widgetFor(name, items, item) },
      };
    }
    default:
      if (schema.pattern === datePattern) {
        // The browser's own date field (src/cms/browser/date-widget.ts): typed or picked, it
        // gives YYYY-MM-DD, the only spelling the build accepts. Decap's date widget rewrote a
        // year typed digit by digit (0002, 0020, …) as 1902, 1920, …: 2026 was saved as 1906.
        return { widget: 'calendar-day' };
      }
      if (schema.pattern === timePattern) {
        return {
          widget: 'string',
          pattern: [timePattern, 'scrivi l’ora come HH:MM tra 00:00 e 23:59, ad esempio 09:00'],
        };
      }
      if (schema.format === 'email') {
        return {
          widget: 'string',
          pattern: ['^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', 'scrivi un indirizzo e-mail valido'],
        };
      }
      return {
        widget: name === 'summary' ? 'text' : 'string',
        ...(schema.minLength ? { pattern: ['\\S', 'questo campo non può restare vuoto'] } : {}),
      };
  }
}

function labelled(text: FieldText): Pick<CmsField, 'label' | 'hint'> {
  return { label: text.label, ...(text.hint ? { hint: text.hint } : {}) };
}

/**
 * The properties of an object schema: its own, or one optional property per key of a record
 * keyed by a fixed list (e.g. the venue's name in a language's script: `ar`, `si`, …).
 */
function propertiesOf(schema: JsonSchema): [string, JsonSchema][] {
  if (schema.properties) return Object.entries(schema.properties);
  const keys = schema.propertyNames?.enum ?? [];
  const value = schema.additionalProperties;
  return typeof value === 'object' ? keys.map((key) => [key, value]) : [];
}

/** The Decap fields of an object schema, in the schema's order, required where it requires. */
export function fieldsOf(schema: JsonSchema): CmsField[] {
  const required = new Set(schema.required ?? []);
  return propertiesOf(schema).map(([name, property]) => {
    const text = fieldText(name, property);
    const widget = widgetFor(name, property, text);
    // A field with a default (e.g. newsletter: false) may be left alone: the build fills it.
    const isRequired = required.has(name) && property.default === undefined;
    // A group that may be left out whole (a notice's closure, the next timetable): its fields
    // are asked for only once one of them is written (src/cms/browser/optional-group.ts).
    const group = widget.widget === 'object' && !isRequired ? { widget: 'optional-group' } : {};
    return { name, ...labelled(text), ...widget, ...group, required: isRequired } as CmsField;
  });
}
