import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isCalendarDate,
  isoDay,
  weekdayOf,
} from '../../src/lib/calendar-days';
import { daysBySlot, daysBySlots } from '../../src/lib/hours/schedule';

describe('calendar days', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-03-01', -1, '2027-02-28'],
    // Across the clock change in Italy (29 March 2026), a day is still a day.
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-10-24', 7, '2026-10-31'],
  ])('%s plus %d days is %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
    expect(daysBetween(from, to)).toBe(days);
  });

  it('names the weekday of a date, Monday first', () => {
    expect(weekdayOf('2026-11-30')).toBe('monday');
    expect(weekdayOf('2026-03-29')).toBe('sunday');
    expect(weekdayOf('2027-01-01')).toBe('friday');
  });

  it('writes and checks dates from their parts', () => {
    expect(isoDay(2027, 3, 9)).toBe('2027-03-09');
    expect(isCalendarDate(2028, 2, 29)).toBe(true);
    expect(isCalendarDate(2026, 2, 29)).toBe(false);
    expect(isCalendarDate(2026, 13, 1)).toBe(false);
  });
});

describe('one grouping of the week', () => {
  const morning = { opens: '09:00', closes: '13:00' };
  const afternoon = { opens: '15:00', closes: '18:00' };
  const week = {
    monday: [morning, afternoon],
    wednesday: [morning],
    thursday: [morning, afternoon],
  };

  it('by period, for the calendar file and the structured data', () => {
    expect(daysBySlot(week)).toEqual([
      { slot: morning, days: ['monday', 'wednesday', 'thursday'] },
      { slot: afternoon, days: ['monday', 'thursday'] },
    ]);
  });

  it('by the whole day, for the hours in words', () => {
    expect(daysBySlots(week)).toEqual([
      { slots: [morning, afternoon], days: ['monday', 'thursday'] },
      { slots: [morning], days: ['wednesday'] },
    ]);
  });
});
