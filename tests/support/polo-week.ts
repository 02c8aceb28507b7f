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

export const poloWeek: ScheduleData = {
  weekly: { monday: poloDay, wednesday: poloDay, thursday: poloDay },
  openOn: [],
  closures: [],
};
