import type { ScheduleData } from '../../src/lib/hours/schedule';

/** The Polo's week as the content gives it: Monday, Wednesday, Thursday, two periods a day. */
export const poloDay = [
  { opens: '09:00', closes: '13:00' },
  { opens: '15:00', closes: '18:00' },
];

export const poloWeek: ScheduleData = {
  weekly: { monday: poloDay, wednesday: poloDay, thursday: poloDay },
  openOn: [],
  closures: [],
};
