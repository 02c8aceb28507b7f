import { holidayDates, type HolidayRule } from '../../src/lib/hours/holidays';
import type { ScheduleData } from '../../src/lib/hours/schedule';

/**
 * A fixed week for the unit tests of the hours model: Monday, Wednesday and Thursday, two
 * periods a day. The tests' own fixture, not the content: staff changing content/hours.yaml
 * changes nothing here (the tests of the built site read hours.yaml themselves).
 */
export const poloDay = [
  { opens: '09:00', closes: '13:00' },
  { opens: '15:00', closes: '18:00' },
];

/** The tests' own holidays, by a name the tests use: fixed days, Easter Monday, 13 December. */
export const weekHolidays = {
  newYear: { day: '01-01' },
  epiphany: { day: '01-06' },
  easterMonday: { easter: 1 },
  liberation: { day: '04-25' },
  christmas: { day: '12-25' },
  stStephen: { day: '12-26' },
  santaLucia: { day: '12-13' },
} satisfies Record<string, HolidayRule>;

const holidayRules: HolidayRule[] = Object.values(weekHolidays);

/** A holiday's place in the week's list, as the model names it, e.g. 'easterMonday' => 2. */
export const holidayIndex = (name: keyof typeof weekHolidays) =>
  Object.keys(weekHolidays).indexOf(name);

export const poloWeek: ScheduleData = {
  weekly: { monday: poloDay, wednesday: poloDay, thursday: poloDay },
  openOn: [],
  closures: [],
  holidays: holidayDates(holidayRules, '2024-01-01', '2040-12-31'),
};
