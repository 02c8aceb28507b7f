/**
 * The one model of the opening hours. Given any instant it says whether the Polo is open,
 * why not, and when that changes, in Italian time whatever the device's time zone.
 * Runs at build time and in the browser. Italian time is worked out by arithmetic from the
 * EU's summer-time rule, not through Intl: a browser's first time-zone formatter costs it tens
 * of milliseconds on a slow phone (a unit test holds the rule to Intl's Europe/Rome).
 */
import type { HolidayDates } from './holidays';
import { offsetIsoString } from './offset-iso';
import { nextDay, weekdayOf, weekdays, type Weekday } from '../calendar-days';

export interface Slot {
  /** Wall-clock time in Italy, HH:MM. */
  opens: string;
  closes: string;
}

export interface Closure {
  /** First and last closed day, both included, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Why, in the page's language (the notice's title). */
  reason: string;
}

/** Opening periods by weekday. */
export type Week = Partial<Record<Weekday, Slot[]>>;

/** Everything the model needs, small enough to travel inside a page. */
export interface ScheduleData {
  weekly: Week;
  /** The next timetable and its first day, YYYY-MM-DD; `weekly` holds until the day before. */
  next?: { from: string; weekly: Week };
  /** Dates the Polo opens although a holiday would close it. */
  openOn: string[];
  closures: Closure[];
  /**
   * The holidays of the days the data covers, worked out at build time from
   * content/holidays.yaml: date => the holiday's place in that file's list.
   */
  holidays: HolidayDates;
}

export type ClosedDay =
  | { kind: 'holiday'; /** Its place in the list of holidays. */ holiday: number }
  | { kind: 'closure'; closure: Closure };

export type HoursStatus =
  | { state: 'open'; reason: 'open'; closesAt: number; nextChange: number; nextOpening?: number }
  | {
      state: 'closed';
      reason: 'outside-hours' | 'lunch-break' | 'holiday' | 'closure';
      closedDay?: ClosedDay;
      /** The next opening, which is also the next change; absent if none in a year. */
      nextChange?: number;
      nextOpening?: number;
    };

const minute = 60_000;

/** The UTC instant of the last Sunday of a month at 01:00 UTC, when EU clocks change. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 1440 * minute;
}

/**
 * Italy's offset from UTC in minutes at an instant: 120 from the last Sunday of March to the
 * last Sunday of October (01:00 UTC both), 60 otherwise, e.g. 2026-07-01T00:00Z => 120.
 */
export function italianOffset(instant: number): number {
  const year = new Date(instant).getUTCFullYear();
  const summer = instant >= lastSundayAt1Utc(year, 2) && instant < lastSundayAt1Utc(year, 9);
  return summer ? 120 : 60;
}

/** The Italian calendar day and weekday of an instant, e.g. 2026-03-29T00:30Z => '2026-03-29'. */
export function italianDay(instant: number): { iso: string; weekday: Weekday } {
  // A Date whose UTC fields read as the wall clock in Italy.
  const date = new Date(instant + italianOffset(instant) * minute);
  const iso = date.toISOString().slice(0, 10);
  // getUTCDay() counts from Sunday; the week here starts on Monday.
  const weekday = weekdays[(date.getUTCDay() + 6) % 7] as Weekday;
  return { iso, weekday };
}

/** The instant of an Italian wall-clock time, e.g. ('2026-07-01', '09:00') => 07:00 UTC. */
export function italianInstant(iso: string, hhmm: string): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hours, minutes);
  // The offset an hour before is the one in force unless the clocks changed in between.
  const guess = wall - italianOffset(wall - 60 * minute) * minute;
  return wall - italianOffset(guess) * minute;
}

/** An instant's Italian wall-clock time, e.g. 2026-07-01T07:00Z => '09:00'. */
export function italianTime(instant: number): string {
  return new Date(instant + italianOffset(instant) * minute).toISOString().slice(11, 16);
}

/** Why the Polo is closed all day on a date, if it is: a closure notice, else a holiday. */
export function closedDayOn(data: ScheduleData, iso: string): ClosedDay | undefined {
  const closure = data.closures.find((c) => c.from <= iso && iso <= c.to);
  if (closure) return { kind: 'closure', closure };
  const holiday = data.holidays[iso];
  if (holiday !== undefined && !data.openOn.includes(iso)) return { kind: 'holiday', holiday };
  return undefined;
}

/** Weekdays grouped by what they share, in week order: the one grouping of the timetable. */
function groupWeekdays<T>(
  entries: [Weekday, T][],
  key: (value: T) => string,
): { value: T; days: Weekday[] }[] {
  const groups = new Map<string, { value: T; days: Weekday[] }>();
  for (const [day, value] of entries) {
    const group = groups.get(key(value)) ?? { value, days: [] };
    group.days.push(day);
    groups.set(key(value), group);
  }
  return [...groups.values()];
}

const slotKey = (slot: Slot) => `${slot.opens}-${slot.closes}`;

/**
 * The periods of a timetable, each with the days that share it, in week order, e.g.
 * Monday and Wednesday 09:00–13:00 => [{ slot: 09:00–13:00, days: ['monday', 'wednesday'] }].
 * One weekly event in the calendar file, one specification in the JSON-LD.
 */
export function daysBySlot(week: Week): { slot: Slot; days: Weekday[] }[] {
  const entries = weekdays.flatMap((day) =>
    (week[day] ?? []).map((slot): [Weekday, Slot] => [day, slot]),
  );
  return groupWeekdays(entries, slotKey).map(({ value, days }) => ({ slot: value, days }));
}

/**
 * The open days of a timetable grouped by their whole set of periods, in week order, e.g.
 * [{ slots: [09:00–13:00, 15:00–18:00], days: ['monday', 'thursday'] }]. One line in words.
 */
export function daysBySlots(week: Week): { slots: Slot[]; days: Weekday[] }[] {
  const entries = weekdays
    .map((day): [Weekday, Slot[]] => [day, week[day] ?? []])
    .filter(([, slots]) => slots.length > 0);
  return groupWeekdays(entries, (slots) => slots.map(slotKey).join(' ')).map(({ value, days }) => ({
    slots: value,
    days,
  }));
}

/** The timetable in force on a date, e.g. the next one from its first day on. */
export function weekOn(data: ScheduleData, iso: string): Week {
  return data.next && iso >= data.next.from ? data.next.weekly : data.weekly;
}

/** The periods a date's weekday has in the timetable of that date, closures aside. */
export function slotsOn(data: ScheduleData, iso: string): Slot[] {
  return weekOn(data, iso)[weekdayOf(iso)] ?? [];
}

/** Opening periods of a date as instants, none on a closed day. */
export function periodsOn(data: ScheduleData, iso: string): [number, number][] {
  if (closedDayOn(data, iso)) return [];
  return slotsOn(data, iso).map((slot) => [
    italianInstant(iso, slot.opens),
    italianInstant(iso, slot.closes),
  ]);
}

/** Opening periods that end after `from`, in order, looking at most `days` days ahead. */
export function* periodsFrom(data: ScheduleData, from: number, days = 400) {
  let iso = italianDay(from).iso;
  for (let i = 0; i < days; i++, iso = nextDay(iso)) {
    for (const period of periodsOn(data, iso)) if (period[1] > from) yield period;
  }
}

/**
 * Open or closed at `now`, why, and when that changes, e.g. on a Monday at 12:59 in Italy:
 * { state: 'open', closesAt: <13:00>, nextChange: <13:00>, nextOpening: <15:00> }.
 */
export function hoursStatus(data: ScheduleData, now: number): HoursStatus {
  const upcoming = periodsFrom(data, now);
  const first = upcoming.next().value;
  if (first && first[0] <= now) {
    const after = upcoming.next().value;
    return {
      state: 'open',
      reason: 'open',
      closesAt: first[1],
      nextChange: first[1],
      ...(after ? { nextOpening: after[0] } : {}),
    };
  }
  const next = first ? { nextChange: first[0], nextOpening: first[0] } : {};
  const today = italianDay(now);
  const closedDay = closedDayOn(data, today.iso);
  // A holiday is news on a day the Polo would open; a closure notice is news every day.
  if (closedDay && (closedDay.kind === 'closure' || slotsOn(data, today.iso).length > 0)) {
    return { state: 'closed', reason: closedDay.kind, closedDay, ...next };
  }
  const openedEarlierToday = periodsOn(data, today.iso).some(([, end]) => end <= now);
  const opensLaterToday = first !== undefined && italianDay(first[0]).iso === today.iso;
  return {
    state: 'closed',
    reason: openedEarlierToday && opensLaterToday ? 'lunch-break' : 'outside-hours',
    ...next,
  };
}

/** An instant as Italian time with its offset, e.g. '2026-12-02T09:00:00+01:00'. */
export function italianIsoString(instant: number): string {
  return offsetIsoString(instant, italianOffset(instant));
}
