/**
 * What the editor says to staff when it refuses or questions a save: Italian sentences that name
 * a field by its label and a day by its name, never a field's key, a path, a schema's term or
 * the build's own (English) message. Plain functions, so a test reads every sentence.
 */
import type { z } from 'astro/zod';
import { weekdayName, weekdays, type Weekday } from '../../lib/dates';
import { isLocale } from '../../lib/locales';
import { datePattern, timePattern, type JsonSchema } from '../json-schema-fields';
import { fieldText } from '../labels';

/**
 * An error whose text is the sentence alone. Decap shows a refused save as
 * "Salvataggio … non riuscito: {the error}", and an Error would read "Error: …" there.
 */
export class StaffMessage extends Error {
  override toString(): string {
    return this.message;
  }
}

/** A date as staff write it, e.g. '2027-01-12' => '12/01/2027'. */
export function shortDate(iso: string): string {
  const [year = '', month = '', day = ''] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** A date in words, e.g. '2026-12-24' => 'giovedì 24 dicembre 2026'. */
export function dateInWords(iso: string): string {
  // Noon UTC: the same calendar day wherever the browser is.
  const date = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('it-IT', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Items as an Italian list, e.g. ['lunedì', 'mercoledì', 'giovedì'] => 'lunedì, mercoledì e giovedì'. */
export function inWords(items: readonly string[]): string {
  return new Intl.ListFormat('it', { type: 'conjunction' }).format(items);
}

/** Italian names of days, in the week's order, e.g. ['monday', 'thursday'] => 'lunedì e giovedì'. */
export function dayNames(days: readonly Weekday[]): string {
  return inWords(days.map((day) => weekdayName(day, 'it-IT')));
}

/** How a translation tab is named before its problems, e.g. 'ar' => 'Traduzione in arabo: '. */
export function tabPrefix(locale: string): string {
  const name = isLocale(locale)
    ? new Intl.DisplayNames(['it'], { type: 'language' }).of(locale)
    : undefined;
  return `Traduzione in ${name ?? locale}: `;
}

// The one item noun of a list whose items have no name of their own, e.g. 'fascia 2'.
const itemNouns: Record<string, string> = { slots: 'fascia', openOn: 'data', whatToBring: 'riga' };

/** What a step of an issue's path is, read along the schema and the data it checked. */
interface Step {
  key: PropertyKey;
  schema: JsonSchema;
  value: unknown;
  label: string;
}

function stepsAlong(json: JsonSchema, data: unknown, path: readonly PropertyKey[]): Step[] {
  const steps: Step[] = [];
  let schema = json;
  let value = data;
  for (const key of path) {
    if (typeof key === 'number') {
      schema = schema.items ?? {};
    } else {
      const properties = schema.properties ?? {};
      // A record keyed by language (the venue in a script) has one schema for every key.
      const record = typeof schema.additionalProperties === 'object' && schema.additionalProperties;
      schema = properties[String(key)] ?? (record || {});
    }
    value = (value as Record<PropertyKey, unknown> | undefined)?.[key as string];
    const label = typeof key === 'string' ? fieldText(key, schema).label : '';
    steps.push({ key, schema, value, label });
  }
  return steps;
}

/** An item of a list by its name: a day by its day, else 'fascia 2', 'voce 3'. */
function itemName(step: Step, list: Step | undefined): string {
  const day = (step.value as { day?: unknown } | undefined)?.day;
  if (weekdays.includes(day as Weekday)) return weekdayName(day as Weekday, 'it-IT');
  const noun = itemNouns[String(list?.key)] ?? 'voce';
  return `${noun} ${Number(step.key) + 1}`;
}

/**
 * Where the field at `steps[end]` is, in words, e.g. ['Prossimo orario', 'martedì', 'fascia 2']:
 * the groups it is in and the items it belongs to; a list's own name is left out, its item
 * names the place.
 */
function placeOf(steps: readonly Step[], end = steps.length): string[] {
  return steps.slice(0, end).flatMap((step, index) => {
    if (typeof step.key === 'number') return [itemName(step, steps[index - 1])];
    const next = steps[index + 1];
    return next && typeof next.key !== 'number' ? [step.label] : [];
  });
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** 'Prossimo orario, martedì: «Chiude alle» deve…'; without a place, the sentence alone. */
export function placed(place: readonly string[], problem: string): string {
  return place.length > 0 ? `${capital(place.join(', '))}: ${problem}` : capital(problem);
}

/**
 * A field by its label and the place it is in, e.g. ['next', 'from'] of the hours =>
 * { field: '«Dal giorno»', place: ['Prossimo orario'] }.
 */
export function fieldAt(json: JsonSchema, data: unknown, path: readonly PropertyKey[]) {
  const steps = stepsAlong(json, data, path);
  const leaf = [...steps].reverse().find((step) => typeof step.key === 'string');
  return {
    field: leaf ? `«${leaf.label}»` : 'questa voce',
    place: placeOf(steps, leaf ? steps.lastIndexOf(leaf) : 0),
  };
}

/**
 * One issue of the build's check as a sentence for staff, e.g. a closure without its last day
 * => 'Chiusura: manca «Al giorno (compreso)»; scrivilo, oppure svuota tutto il gruppo.'
 * `json` is the JSON Schema of the schema that checked `data`; `optional` names the groups that
 * may be left out whole (the closure, the next timetable).
 */
export function issueSentence(
  issue: z.core.$ZodIssue,
  json: JsonSchema,
  data: unknown,
  optional: readonly string[] = [],
): string {
  const steps = stepsAlong(json, data, issue.path);
  const leaf = [...steps].reverse().find((step) => typeof step.key === 'string');
  const field = leaf ? `«${leaf.label}»` : 'questa voce';
  const place = placeOf(steps, leaf ? steps.lastIndexOf(leaf) : 0);
  const schema = leaf?.schema ?? json;
  const last = steps.at(-1);
  const key = String(last?.key ?? '');

  // A field that is not there at all.
  if (last && last.value === undefined) {
    if (schema.enum) return placed(place, `scegli ${field}.`);
    const group = steps.find((step) => optional.includes(String(step.key)));
    if (group && group !== leaf) {
      return placed(place, `manca ${field}; scrivilo, oppure svuota tutto il gruppo.`);
    }
    return placed(place, `manca ${field}.`);
  }

  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') {
        return key === 'slots'
          ? placed(place, 'nessuna fascia oraria; aggiungine una, oppure togli il giorno.')
          : placed(place, `${field} non ha nessun giorno; aggiungine almeno uno.`);
      }
      if (issue.origin === 'number') return placed(place, `${field} deve essere 1 o più.`);
      return placed(place, `${field} è vuoto; scrivi il testo.`);
    case 'invalid_format':
      if (issue.format === 'email') return placed(place, `l’indirizzo di ${field} non è valido.`);
      if (schema.pattern === timePattern) {
        return placed(
          place,
          `scrivi ${field} con due cifre per le ore e due per i minuti, tra 00:00 e 23:59, ad esempio 09:00.`,
        );
      }
      if (schema.pattern === datePattern) {
        return placed(place, `scegli ${field} dal calendario del campo.`);
      }
      return placed(place, `${field} non è scritto come serve; ricontrollalo.`);
    case 'invalid_value':
      if (key === 'timeZone') {
        return 'Il fuso orario del file deve restare Europe/Rome: chiedi a chi cura il sito.';
      }
      return placed(place, `scegli ${field} tra quelli proposti.`);
    case 'invalid_type':
      if (schema.type === 'integer' || schema.type === 'number') {
        return placed(place, `scrivi ${field} come numero intero, ad esempio 1.`);
      }
      return placed(place, `${field} non è scritto come serve; ricontrollalo.`);
    case 'unrecognized_keys':
      return placed(
        placeOf(steps).concat(leaf ? [leaf.label] : []),
        'ci sono dati che l’editor non conosce; chiedi a chi cura il sito prima di salvare.',
      );
    case 'custom':
      return customSentence(key, steps, field, place, schema);
    default:
      return placed(place, `${field} non va bene così; ricontrollalo.`);
  }
}

/** The rules the schemas add over single fields, each in its own words. */
function customSentence(
  key: string,
  steps: readonly Step[],
  field: string,
  place: readonly string[],
  schema: JsonSchema,
): string {
  const parent = steps.at(-2)?.value as Record<string, unknown> | undefined;
  const from = parent?.['from'];
  const to = parent?.['to'];
  if (key === 'to' && typeof from === 'string' && typeof to === 'string' && to < from) {
    return `La chiusura finisce prima di cominciare: l’ultimo giorno (${shortDate(to)}) viene prima del primo (${shortDate(from)}).`;
  }
  if (key === 'closes') return placed(place, `${field} deve venire dopo l’ora di apertura.`);
  if (key === 'opens') {
    // The place of the day, not of the one period: the periods overlap each other.
    return placed(
      placeOf(steps, steps.length - 3),
      'le fasce orarie si sovrappongono; mettile in ordine, prima la mattina e poi il pomeriggio.',
    );
  }
  if (key === 'day' && typeof steps.at(-1)?.value === 'string') {
    const day = weekdayName(steps.at(-1)?.value as Weekday, 'it-IT');
    return placed(
      placeOf(steps, steps.length - 2),
      `${day} compare due volte; lascialo una volta sola.`,
    );
  }
  if (key === 'activity') return 'Scegli lo sportello collegato tra quelli proposti.';
  if (key === 'whatToBring') {
    return `${field} vale solo per gli sportelli che ricevono il pubblico: svuotalo.`;
  }
  if (schema.pattern === datePattern) {
    return placed(place, `la data di ${field} non esiste nel calendario.`);
  }
  return placed(place, `${field} non va bene così; ricontrollalo.`);
}
