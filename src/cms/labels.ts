/**
 * The words of the editor, in Italian. A field's label, help line and the names of its choices
 * are on its zod schema (`.meta()`), and reach the editor through the schema's JSON Schema;
 * here are the few that no schema holds. The rules never come from here.
 */
import { isLocale, localeInfo } from '../lib/locales';
import type { JsonSchema } from './json-schema-fields';

export interface FieldText {
  label: string;
  hint?: string;
}

/**
 * Label and help line of the field `name`, e.g. fieldText('opens', …) => { label: 'Apre alle', … }.
 * `list` is the words of the list an `item` belongs to.
 */
export function fieldText(name: string, schema: JsonSchema, list?: FieldText): FieldText {
  // A list of plain values (openOn, whatToBring) labels each item after the list.
  if (name === 'item' && list) return { label: list.label };
  // A value per language is labelled with the language's own name, e.g. 'العربية (ar)'.
  if (isLocale(name)) return { label: `${localeInfo(name).label} (${name})` };
  if (!schema.label) return { label: name };
  return { label: schema.label, ...(schema.hint ? { hint: schema.hint } : {}) };
}

/** Name of a choice, e.g. optionText(<the day's schema>, 'monday') => 'lunedì'. */
export function optionText(schema: JsonSchema, value: string): string {
  return schema.choices?.[value] ?? value;
}
