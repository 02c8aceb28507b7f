/**
 * Moments worth putting on a browser's clock, found in the content's own timetable (open, the
 * lunch break, a holiday on an opening day, a closure notice…), each with what the status line
 * must then say. The open-or-closed answer comes from the hours model (unit-tested on fixed
 * weeks); the words are put together here from the UI strings, by the rule the line follows
 * (today, tomorrow, the weekday within six days, else the date), so that a page that words it
 * otherwise fails.
 */
import {
  hoursStatus,
  italianDay,
  italianInstant,
  italianIsoString,
  italianTime,
  slotsOn,
  type HoursStatus,
  type ScheduleData,
} from '../../src/lib/hours/schedule';
import { addDays, daysBetween, nextDay, weekdayOf } from '../../src/lib/calendar-days';
import { dateWords, formatTime, weekdayName } from '../../src/lib/dates';
import { fillDate } from '../../src/lib/date-words';
import { localeInfo, type Locale } from '../../src/lib/locales';
import { statusSpanDays } from '../../src/page-data/status-span';
import { fill } from '../../src/i18n/translate';
import { saysClosed } from '../../src/i18n/status-text';
import { uiString } from './ui-strings';
import { holidayNamesIn } from './content-facts';
import { readable } from './html-tree';

export { readable };

export type NextKey =
  'status.next.today' | 'status.next.tomorrow' | 'status.next.weekday' | 'status.next.date';

/** Which words announce the next opening, seen from `today`. */
export function nextKey(today: string, opening: string): NextKey {
  if (opening === today) return 'status.next.today';
  if (opening === nextDay(today)) return 'status.next.tomorrow';
  return daysBetween(today, opening) <= 6 ? 'status.next.weekday' : 'status.next.date';
}

export interface Expected {
  now: number;
  status: HoursStatus;
  /** The data-next-change attribute, e.g. '2026-12-02T09:00:00+01:00'; absent if none. */
  nextChange: string | undefined;
  nextKey: NextKey | undefined;
  /** The line in `lang`, as read. */
  text(lang: Locale): string;
}

/** What the status line must say at `now` in a page built from `schedule(lang)`. */
export function expectedAt(schedule: (lang: Locale) => ScheduleData, now: number): Expected {
  const status = hoursStatus(schedule('it'), now);
  const today = italianDay(now).iso;
  const opening = status.nextOpening === undefined ? undefined : italianDay(status.nextOpening).iso;
  return {
    now,
    status,
    nextChange: status.nextChange === undefined ? undefined : italianIsoString(status.nextChange),
    nextKey: opening === undefined ? undefined : nextKey(today, opening),
    text(lang) {
      const { intl } = localeInfo(lang);
      const ui = (key: string) => uiString(lang, key);
      const time = (instant: number) => formatTime(italianTime(instant), intl);
      // The language's own month names (docs/languages.md#dates), not the engine's.
      const dayMonth = (iso: string) => fillDate(dateWords(intl, 'dayMonth'), iso);
      // The closure's reason is the notice's title in this language.
      const inLang = hoursStatus(schedule(lang), now);
      if (inLang.state === 'open')
        return readable(fill(ui('status.open'), { time: time(inLang.closesAt) }));
      const next =
        inLang.nextOpening === undefined || opening === undefined
          ? ui('status.next.none')
          : fill(ui(nextKey(today, opening)), {
              time: time(inLang.nextOpening),
              day: weekdayName(weekdayOf(opening), intl),
              date: dayMonth(opening),
            });
      const closed = inLang.closedDay;
      if (closed?.kind === 'closure') {
        const { to, reason } = closed.closure;
        // A title that already says closed stands alone: "Chiuso per lavori fino al …".
        const key = saysClosed(reason, ui('status.closure.words'))
          ? 'status.closure.reason'
          : 'status.closure';
        return readable(fill(ui(key), { date: dayMonth(to), reason, next }));
      }
      if (closed?.kind === 'holiday') {
        return readable(
          fill(ui('status.holiday'), { name: holidayNamesIn(lang)[closed.holiday] ?? '', next }),
        );
      }
      const key = inLang.reason === 'lunch-break' ? 'status.lunch' : 'status.closed';
      return readable(fill(ui(key), { next }));
    },
  };
}

const minute = 60_000;

/**
 * The days after today a page built today tells the status of: its span less the build day.
 * Past them the line hides (tests/e2e/hours.spec.ts checks that too).
 */
export const daysAhead = statusSpanDays - 1;

/**
 * Instants from tomorrow on, day by day: 10:00 in Italy, a minute into each opening period
 * and a minute after each closing time (the whole day's timetable, closed days included).
 */
function* candidates(data: ScheduleData, days: number): Generator<number> {
  let iso = addDays(italianDay(Date.now()).iso, 1);
  for (let i = 0; i < days; i++, iso = nextDay(iso)) {
    yield italianInstant(iso, '10:00');
    for (const { opens, closes } of slotsOn(data, iso)) {
      yield italianInstant(iso, opens) + minute;
      yield italianInstant(iso, closes) + minute;
    }
  }
}

/**
 * The first moment from tomorrow on, within `days` (those a page built today carries), at
 * which `wanted` holds, e.g. the Polo open, or closed for a holiday; undefined when the
 * content has none then (no lunch break, say).
 */
export function findMoment(
  schedule: (lang: Locale) => ScheduleData,
  wanted: (expected: Expected) => boolean,
  days = daysAhead,
): Expected | undefined {
  for (const now of candidates(schedule('it'), days)) {
    const expected = expectedAt(schedule, now);
    if (wanted(expected)) return expected;
  }
  return undefined;
}

/** The kinds of line the content gives in the weeks a page carries, each at its first moment (absent if none). */
export function statusMoments(schedule: (lang: Locale) => ScheduleData) {
  const reason = (r: string) => (e: Expected) => e.status.reason === r;
  return {
    open: findMoment(schedule, reason('open')),
    lunchBreak: findMoment(schedule, reason('lunch-break')),
    closedUntilTomorrow: findMoment(
      schedule,
      (e) => e.status.reason === 'outside-hours' && e.nextKey === 'status.next.tomorrow',
    ),
    holiday: findMoment(schedule, reason('holiday')),
    closure: findMoment(schedule, reason('closure')),
    /** Closed, opening again within the week but not tomorrow: the line names the weekday. */
    opensOnWeekday: findMoment(schedule, (e) => e.nextKey === 'status.next.weekday'),
  };
}
