import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/lib/calendar-days';
import { impossibleDates } from '../../src/loaders/raw-dates';

describe('dates as the editor wrote them', () => {
  it('knows the calendar, leap years included', () => {
    expect(isCalendarDate(2028, 2, 29)).toBe(true);
    expect(isCalendarDate(2026, 2, 29)).toBe(false);
    expect(isCalendarDate(2026, 4, 31)).toBe(false);
    expect(isCalendarDate(2026, 13, 1)).toBe(false);
  });

  it('names the line and field of a date that YAML would silently move', () => {
    const text = "---\ntitle: x\nlastReviewed: 2026-02-30\npublished: '2026-11-31'\n---";
    expect(impossibleDates(text)).toEqual([
      'line 3 (lastReviewed): 2026-02-30 does not exist in the calendar',
      'line 4 (published): 2026-11-31 does not exist in the calendar',
    ]);
  });

  it('checks list items and leaves real dates alone', () => {
    expect(impossibleDates('openOn:\n  - 2026-12-13\n  - 2026-06-31\n')).toEqual([
      'line 3 (date): 2026-06-31 does not exist in the calendar',
    ]);
    expect(impossibleDates('lastReviewed: 2026-11-26')).toEqual([]);
  });
});
