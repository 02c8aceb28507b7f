/**
 * Entries the build would accept but that are most likely a slip: a year typed wrong, a date
 * far ahead, a closure already over, a next timetable that closes days open today. A slip the
 * Polo can never mean is refused; one it may mean is asked about before saving.
 */
import { weekdays, type Weekday } from '../../lib/dates';
import { datePattern, type JsonSchema } from '../json-schema-fields';
import { dayNames, fieldAt, placed, shortDate } from './messages';

/** Slips refused outright, and doubts asked about before saving (yes saves, no does not). */
export interface Doubts {
  problems: string[];
  doubts: string[];
}

type Path = (string | number)[];

/** The dates of an entry with their paths, found through its JSON Schema. */
function datesIn(schema: JsonSchema, value: unknown, path: Path = []): [Path, string][] {
  if (typeof value === 'string') {
    // A date written another way is a problem of the build's check, said there.
    const isDate = schema.pattern === datePattern && /^\d{4}-\d{2}-\d{2}$/.test(value);
    return isDate ? [[path, value]] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => datesIn(schema.items ?? {}, item, [...path, index]));
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const property = schema.properties?.[key];
    return property ? datesIn(property, inner, [...path, key]) : [];
  });
}

/** The same day a year later, e.g. '2026-12-24' => '2027-12-24'. */
const aYearAfter = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;

// No date of the Polo's lies before the site: an earlier year is a typing slip (1906, 0202).
const firstYear = 2000;

/**
 * The doubts about the dates of an entry on `today` (YYYY-MM-DD, the Italian day): a year
 * before 2000 is refused; a date more than a year ahead, or a closure whose last day is past,
 * is asked about.
 */
export function dateDoubts(json: JsonSchema, data: Record<string, unknown>, today: string): Doubts {
  const problems: string[] = [];
  const doubts: string[] = [];
  for (const [path, iso] of datesIn(json, data)) {
    const { field, place } = fieldAt(json, data, path);
    if (Number(iso.slice(0, 4)) < firstYear) {
      problems.push(placed(place, `${field} dice ${shortDate(iso)}: controlla l’anno.`));
    } else if (iso > aYearAfter(today)) {
      doubts.push(placed(place, `${field} è il ${shortDate(iso)}, più di un anno da oggi.`));
    }
  }
  const closure = data['closure'] as { from?: unknown; to?: unknown } | undefined;
  if (
    typeof closure?.to === 'string' &&
    closure.to < today &&
    Number(closure.to.slice(0, 4)) >= firstYear
  ) {
    doubts.push(
      `L’ultimo giorno della chiusura, ${shortDate(closure.to)}, è già passato: sul sito la chiusura non comparirà.`,
    );
  }
  return { problems, doubts };
}

interface Day {
  day: Weekday;
}

/** The days open in a weekly timetable, e.g. [{ day: 'monday', … }] => ['monday']. */
const openDays = (weekly: unknown): Weekday[] =>
  Array.isArray(weekly) ? (weekly as Day[]).map((entry) => entry.day) : [];

/**
 * Days open today that the next timetable closes, e.g. today Monday, Wednesday and Thursday,
 * next only Tuesday => ['monday', 'wednesday', 'thursday']; in the week's order.
 */
export function daysTheNextCloses(hours: { weekly?: unknown; next?: { weekly?: unknown } }) {
  const next = new Set(openDays(hours.next?.weekly));
  const today = new Set(openDays(hours.weekly));
  return weekdays.filter((day) => today.has(day) && !next.has(day));
}

/**
 * The doubt about a next timetable that closes days open today, e.g. 'Dal 12/01/2027 il Polo
 * risulterà chiuso lunedì, mercoledì e giovedì, che oggi sono aperti.'
 */
export function nextTimetableDoubt(hours: {
  weekly?: unknown;
  next?: { from?: unknown; weekly?: unknown };
}): string | undefined {
  const from = hours.next?.from;
  const closed = daysTheNextCloses(hours);
  if (typeof from !== 'string' || closed.length === 0) return undefined;
  const open = closed.length === 1 ? 'che oggi è aperto' : 'che oggi sono aperti';
  return `Dal ${shortDate(from)} il Polo risulterà chiuso ${dayNames(closed)}, ${open}.`;
}

/**
 * The one question asked before saving, e.g. '… che oggi sono aperti. Salvare comunque?';
 * several doubts one per line, the question last.
 */
export function questionAbout(doubts: readonly string[]): string {
  return [...doubts, 'Salvare comunque?'].join(doubts.length > 1 ? '\n' : ' ');
}
