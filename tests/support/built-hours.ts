/**
 * Whether a built page shows the hours the content gives: every weekly table, row by row, and
 * the schema.org opening hours. Each check takes the page's HTML and the hours a test read from
 * the content, and returns what disagrees, so the same check runs on the real build, on a copy
 * with staff edits and on a page in a browser.
 */
import { formatTime, weekdayName, weekdays } from '../../src/lib/dates';
import { localeInfo, type Locale } from '../../src/lib/locales';
import { classes, elements, elementsOf, langOf, readable, textOf, type Element } from './html-tree';
import { uiString } from './ui-strings';
import type { hoursAsBuilt } from './content-facts';

type Hours = ReturnType<typeof hoursAsBuilt>;
type Day = Hours['weekly'][number];

/** Every weekly hours table of a page: its language, whether it announces the next timetable, its rows. */
export function hoursTables(html: string) {
  return elementsOf(html)
    .filter(([element]) => element.tagName === 'table' && classes(element).includes('hours-table'))
    .map(([table, ancestors]) => ({
      lang: langOf(table, ancestors),
      next: ancestors.some((a) => a.properties['dataNextHours'] !== undefined),
      rows: [...elements(table)]
        .filter(([row]) => row.tagName === 'tr' && row.properties['dataDay'] !== undefined)
        .map(([row]) => {
          const cell = (tag: string) =>
            row.children.find((c) => c.type === 'element' && c.tagName === tag);
          return {
            day: String(row.properties['dataDay']),
            open: classes(row).includes('open'),
            name: readable(cell('th') ? textOf(cell('th') as Element) : '').trim(),
            times: readable(cell('td') ? textOf(cell('td') as Element) : '').trim(),
          };
        }),
    }));
}

/**
 * What in one table disagrees with the week `days` in `lang`: a weekday missing or out of
 * order, its name, a closed day not said closed, an open day without its times in order, or
 * with a time the content does not give.
 */
export function weekProblems(
  rows: ReturnType<typeof hoursTables>[number]['rows'],
  days: Day[],
  lang: Locale,
): string[] {
  const { intl } = localeInfo(lang);
  const problems: string[] = [];
  if (rows.map((r) => r.day).join() !== weekdays.join()) {
    problems.push(`rows ${rows.map((r) => r.day).join()}, not the seven days from Monday`);
  }
  for (const row of rows) {
    const slots = days.find((d) => d.day === row.day)?.slots ?? [];
    const where = `${lang} ${row.day}`;
    if (row.name.toLowerCase() !== weekdayName(row.day as Day['day'], intl).toLowerCase()) {
      problems.push(`${where}: named "${row.name}"`);
    }
    if (row.open !== slots.length > 0) problems.push(`${where}: open is ${row.open}`);
    if (slots.length === 0) {
      if (row.times !== uiString(lang, 'hours.closed')) problems.push(`${where}: "${row.times}"`);
      continue;
    }
    // Each time the content gives, in order; nothing else that looks like a time.
    let rest = row.times;
    for (const hhmm of slots.flatMap((s) => [s.opens, s.closes])) {
      const time = formatTime(hhmm, intl);
      const at = rest.indexOf(time);
      if (at < 0) {
        problems.push(`${where}: "${row.times}" lacks ${time} in its place`);
        break;
      }
      rest = rest.slice(at + time.length);
    }
    if (/\d/.test(rest)) problems.push(`${where}: "${row.times}" says more than the content`);
  }
  return problems;
}

/**
 * Every hours table of a page against the hours of the content: the weekly one, and the next
 * timetable's where the page announces it. `lang` is the page's; a table inside another
 * language (the Italian half of a card) is read in that one.
 */
export function hoursTableProblems(html: string, hours: Hours, lang: Locale): string[] {
  return hoursTables(html).flatMap((table) => {
    const days = table.next ? (hours.next?.weekly ?? []) : hours.weekly;
    const tableLang = (table.lang || lang) as Locale;
    return weekProblems(table.rows, days, tableLang).map(
      (p) => `${table.next ? 'next: ' : ''}${p}`,
    );
  });
}

interface Specification {
  dayOfWeek: string[];
  opens: string;
  closes: string;
  validFrom?: string;
  validThrough?: string;
}

/** Day, opens, closes (and from when) of every period, e.g. 'monday 09:00-13:00'. */
const periodsOf = (days: Day[], validity = '') =>
  days.flatMap(({ day, slots }) => slots.map((s) => `${day} ${s.opens}-${s.closes}${validity}`));

/** What in the page's schema.org opening hours disagrees with the content's timetables. */
export function jsonLdProblems(html: string, hours: Hours): string[] {
  const raw = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!raw) return ['no JSON-LD'];
  const data = JSON.parse(raw) as { openingHoursSpecification?: Specification[] };
  const found = (data.openingHoursSpecification ?? []).flatMap((spec) =>
    spec.dayOfWeek.map((url) => {
      const day = url.replace('https://schema.org/', '').toLowerCase();
      const validity = spec.validFrom ? ` from ${spec.validFrom}` : '';
      return `${day} ${spec.opens}-${spec.closes}${validity}`;
    }),
  );
  const expected = [
    ...periodsOf(hours.weekly),
    ...(hours.next ? periodsOf(hours.next.weekly, ` from ${hours.next.from}`) : []),
  ];
  const missing = expected.filter((p) => !found.includes(p)).map((p) => `missing ${p}`);
  const extra = found.filter((p) => !expected.includes(p)).map((p) => `not in the content: ${p}`);
  return [...missing, ...extra];
}
