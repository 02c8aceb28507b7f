/**
 * The days the Polo is closed by rule: Italian national public holidays and Santa Lucia,
 * Siracusa's patron saint (13 December). Plain date arithmetic, no time zones.
 */
import { isoDay, nextDay } from '../calendar-days';

export const holidayIds = [
  'new-year',
  'epiphany',
  'easter-monday',
  'liberation',
  'labour',
  'republic',
  'assumption',
  'all-saints',
  'immaculate',
  'christmas',
  'st-stephen',
  'santa-lucia',
] as const;

export type HolidayId = (typeof holidayIds)[number];

/** Fixed-date holidays as MM-DD. */
const fixed: Record<string, HolidayId> = {
  '01-01': 'new-year',
  '01-06': 'epiphany',
  '04-25': 'liberation',
  '05-01': 'labour',
  '06-02': 'republic',
  '08-15': 'assumption',
  '11-01': 'all-saints',
  '12-08': 'immaculate',
  '12-13': 'santa-lucia',
  '12-25': 'christmas',
  '12-26': 'st-stephen',
};

/**
 * Easter Sunday of the Gregorian calendar (Meeus/Jones/Butcher), e.g. 2026 => '2026-04-05'.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDay(year, month, day);
}

/** The holiday on a date, if any, e.g. '2027-03-29' => 'easter-monday'. */
export function holidayOn(iso: string): HolidayId | undefined {
  const byDate = fixed[iso.slice(5)];
  if (byDate) return byDate;
  return nextDay(easterSunday(Number(iso.slice(0, 4)))) === iso ? 'easter-monday' : undefined;
}
