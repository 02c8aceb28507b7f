/**
 * A time of day on the Italian wall clock, as the instants it falls on: the server rebuilds the
 * site daily at such a time, e.g. 04:00 in Siracusa whatever the machine's time zone.
 */
import { siteTimeZone } from './dates.ts';

const minute = 60_000;

const offsetFormat = new Intl.DateTimeFormat('en', {
  timeZone: siteTimeZone,
  timeZoneName: 'longOffset',
});

/** Minutes Italy's clock is ahead of UTC at an instant, e.g. a July instant => 120. */
function offsetAt(instant: number): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value;
  const [, sign, hours, minutes] = /GMT([+-])(\d\d):(\d\d)/.exec(name ?? '') ?? [];
  return sign ? (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) : 0;
}

/**
 * The instant of `hhmm` on the Italian day `days` after the one of `now`; a time the clocks
 * skip (02:30 on the last Sunday of March) falls an hour later.
 */
function onItalianDay(now: number, days: number, hhmm: string): number {
  const today = new Date(now + offsetAt(now) * minute);
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  const wall = Date.UTC(
    today.getUTCFullYear(),
    today.getUTCMonth(),
    today.getUTCDate() + days,
    hours,
    minutes,
  );
  // The offset an hour before is the one in force unless the clocks changed in between.
  const guess = wall - offsetAt(wall - 60 * minute) * minute;
  return wall - offsetAt(guess) * minute;
}

/**
 * The last instant at or before `now` and the first after it when Italy's clock reads `hhmm`
 * (HH:MM), e.g. (2026-03-28T12:00Z, '04:00') => previous 2026-03-28T03:00Z, next
 * 2026-03-29T02:00Z (summer time starts that night).
 */
export function dailyTimes(now: number, hhmm: string): { previous: number; next: number } {
  const [yesterday, today, tomorrow] = [-1, 0, 1].map((days) => onItalianDay(now, days, hhmm)) as [
    number,
    number,
    number,
  ];
  return today > now ? { previous: yesterday, next: today } : { previous: today, next: tomorrow };
}
