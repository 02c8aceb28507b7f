/**
 * The one model of the opening hours. Given any instant it says whether the Polo is open,
 * why not, and when that changes, in Italian time whatever the device's time zone.
 * Runs at build time and in the browser; time zones go through @date-fns/tz.
 */
import { TZDateMini } from '@date-fns/tz/date/mini';
import { tzOffset } from '@date-fns/tz/tzOffset';
import { holidayOn, nextDay, type HolidayId } from './holidays';
import { weekdays, type Weekday } from '../dates';

export const timeZone = 'Europe/Rome';

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
}

export type ClosedDay =
  { kind: 'holiday'; holiday: HolidayId } | { kind: 'closure'; closure: Closure };

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

/** The Italian calendar day and weekday of an instant, e.g. 2026-03-29T00:30Z => '2026-03-29'. */
export function italianDay(instant: number): { iso: string; weekday: Weekday } {
  const date = new TZDateMini(instant, timeZone);
  const iso = [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
  // getDay() counts from Sunday; the week here starts on Monday.
  const weekday = weekdays[(date.getDay() + 6) % 7] as Weekday;
  return { iso, weekday };
}

/** The wall-clock time in Italy at `instant`, e.g. { hours: 9, minutes: 0 }. */
export function italianWallTime(instant: number): { hours: number; minutes: number } {
  const wall = new Date(instant + tzOffset(timeZone, new Date(instant)) * 60_000);
  return { hours: wall.getUTCHours(), minutes: wall.getUTCMinutes() };
}

/** The instant of an Italian wall-clock time, e.g. ('2026-07-01', '09:00') => 07:00 UTC. */
export function italianInstant(iso: string, hhmm: string): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  return new TZDateMini(year, month - 1, day, hours, minutes, timeZone).getTime();
}

/** Why the Polo is closed all day on a date, if it is: a closure notice, else a holiday. */
export function closedDayOn(data: ScheduleData, iso: string): ClosedDay | undefined {
  const closure = data.closures.find((c) => c.from <= iso && iso <= c.to);
  if (closure) return { kind: 'closure', closure };
  const holiday = holidayOn(iso);
  if (holiday && !data.openOn.includes(iso)) return { kind: 'holiday', holiday };
  return undefined;
}

/** The weekday of a calendar date, e.g. '2026-11-30' => 'monday'. */
export function weekdayOf(iso: string): Weekday {
  return italianDay(italianInstant(iso, '12:00')).weekday;
}

/**
 * The periods of a timetable, each with the days that share it, in week order, e.g.
 * Monday and Wednesday 09:00–13:00 => [{ slot: 09:00–13:00, days: ['monday', 'wednesday'] }].
 * One weekly event in the calendar file, one specification in the JSON-LD.
 */
export function daysBySlot(week: Week): { slot: Slot; days: Weekday[] }[] {
  const groups = new Map<string, { slot: Slot; days: Weekday[] }>();
  for (const day of weekdays) {
    for (const slot of week[day] ?? []) {
      const key = `${slot.opens}-${slot.closes}`;
      const group = groups.get(key) ?? { slot, days: [] };
      group.days.push(day);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
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
  const offset = tzOffset(timeZone, new Date(instant));
  const local = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}
