/**
 * What the content says, read by the tests from the content folder they run on (`content/` of
 * the working directory, or a copy a test built), so that a test states a property ("the table
 * shows the hours of hours.yaml") instead of a copy of today's values, which the first edit by
 * staff would turn red. Parsed here with the yaml package, not through the site's loaders: a
 * test does not take the site's word for what the content says.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  italianDay,
  type Closure,
  type ScheduleData,
  type Week,
} from '../../src/lib/hours/schedule';
import { addDays, type Weekday } from '../../src/lib/calendar-days';
import { holidayDates, type HolidayRule } from '../../src/lib/hours/holidays';

export const liveContent = 'content';

interface DayHours {
  day: Weekday;
  slots: { opens: string; closes: string }[];
}

export interface HoursFile {
  weekly: DayHours[];
  next?: { from: string; weekly: DayHours[] };
  openOn: string[];
}

/** The YAML between the `---` lines of a Markdown file. */
export function frontMatter(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8');
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return (parse(block) as Record<string, unknown> | null) ?? {};
}

/** Slugs of a translated collection's Italian files, e.g. ('activities') => ['lavoro', …]. */
export function slugsOf(folder: string, contentDir = liveContent): string[] {
  const dir = join(contentDir, folder, 'it');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
    .sort();
}

/** Whether `{folder}/{lang}/{slug}.md` exists: a translation, or the Italian original. */
export function hasFile(folder: string, lang: string, slug: string, contentDir = liveContent) {
  return existsSync(join(contentDir, folder, lang, `${slug}.md`));
}

/** An entry's front matter in `lang`, the Italian one where there is no translation. */
export function entryIn(folder: string, slug: string, lang: string, contentDir = liveContent) {
  const own = hasFile(folder, lang, slug, contentDir);
  const data = frontMatter(join(contentDir, folder, own ? lang : 'it', `${slug}.md`));
  return { data, fallback: !own };
}

/** A desk's or a notice's title in `lang`, e.g. ('activities', 'lavoro', 'fr'). */
export function titleIn(folder: string, slug: string, lang: string, contentDir = liveContent) {
  const title = entryIn(folder, slug, lang, contentDir).data['title'];
  return typeof title === 'string' ? title : '';
}

export interface Activity {
  slug: string;
  kind: 'desk' | 'network';
  order: number;
}

/** Every activity as its Italian file says (kind and order are written there only), in order. */
export function activitiesOf(contentDir = liveContent): Activity[] {
  return slugsOf('activities', contentDir)
    .map((slug): Activity => {
      const data = entryIn('activities', slug, 'it', contentDir).data;
      const kind = data['kind'] === 'network' ? 'network' : 'desk';
      return { slug, kind, order: Number(data['order'] ?? 0) };
    })
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

/** content/hours.yaml as written. */
export function hoursFileOf(contentDir = liveContent): HoursFile {
  const file = parse(readFileSync(join(contentDir, 'hours.yaml'), 'utf8')) as {
    polo: Partial<HoursFile>;
  };
  return { weekly: file.polo.weekly ?? [], openOn: file.polo.openOn ?? [], ...pickNext(file.polo) };
}

const pickNext = (polo: Partial<HoursFile>) => (polo.next ? { next: polo.next } : {});

/** A timetable as the model takes it, e.g. { monday: [{ opens: '09:00', … }] }. */
export const weekOf = (days: DayHours[]): Week =>
  Object.fromEntries(days.map(({ day, slots }) => [day, slots]));

/** Today in Italy, as a build run now calls it. */
export const todayInItaly = () => italianDay(Date.now()).iso;

/**
 * The hours a build made `today` shows: the timetable in force, and the next one only while
 * it is still to come (a rebuild on its first day makes it the table).
 */
export function hoursAsBuilt(contentDir = liveContent, today = todayInItaly()) {
  const { weekly, next, openOn } = hoursFileOf(contentDir);
  if (!next) return { weekly, openOn };
  return next.from <= today ? { weekly: next.weekly, openOn } : { weekly, next, openOn };
}

/** The closures the notices declare, each with its title in `lang` as the reason. */
export function closuresOf(lang: string, contentDir = liveContent): Closure[] {
  return slugsOf('notices', contentDir).flatMap((slug) => {
    // The yaml package reads YYYY-MM-DD as text, as the site's schema wants it.
    const closure = entryIn('notices', slug, 'it', contentDir).data['closure'] as
      { from: string; to: string } | undefined;
    if (!closure) return [];
    const reason = titleIn('notices', slug, lang, contentDir);
    return [{ from: closure.from, to: closure.to, reason }];
  });
}

export interface HolidayFacts extends HolidayRule {
  name: string;
  names?: Partial<Record<string, string>>;
}

/** The holidays of content/holidays.yaml as written, in their order. */
export function holidaysOf(contentDir = liveContent): HolidayFacts[] {
  const file = parse(readFileSync(join(contentDir, 'holidays.yaml'), 'utf8')) as {
    polo: { holidays?: HolidayFacts[] };
  };
  return file.polo.holidays ?? [];
}

/** Each holiday's name in `lang`, the Italian one where the file has none in `lang`. */
export function holidayNamesIn(lang: string, contentDir = liveContent): string[] {
  return holidaysOf(contentDir).map(({ name, names }) => names?.[lang] ?? name);
}

/** The holidays' dates a build made `today` carries: two years, date => place in the list. */
export function holidayDatesOf(contentDir = liveContent, today = todayInItaly()) {
  return holidayDates(holidaysOf(contentDir), today, addDays(today, 731));
}

/** What the status line of a page in `lang` computes with, built from the content by the test. */
export function scheduleOf(lang: string, contentDir = liveContent): ScheduleData {
  const hours = hoursAsBuilt(contentDir);
  return {
    weekly: weekOf(hours.weekly),
    ...(hours.next ? { next: { from: hours.next.from, weekly: weekOf(hours.next.weekly) } } : {}),
    openOn: hours.openOn,
    closures: closuresOf(lang, contentDir),
    holidays: holidayDatesOf(contentDir),
  };
}
