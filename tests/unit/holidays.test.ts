import { describe, expect, it } from 'vitest';
import { nextDay } from '../../src/lib/calendar-days';
import { easterSunday, holidayOn } from '../../src/lib/hours/holidays';

describe('closing days by rule', () => {
  it('knows Easter, and so Easter Monday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(holidayOn('2026-04-06')).toBe('easter-monday');
    expect(holidayOn('2027-03-29')).toBe('easter-monday');
    expect(holidayOn('2026-04-05')).toBeUndefined();
  });

  it('knows every national holiday and Santa Lucia', () => {
    const year = 2027;
    expect(
      [
        '01-01',
        '01-06',
        '04-25',
        '05-01',
        '06-02',
        '08-15',
        '11-01',
        '12-08',
        '12-13',
        '12-25',
        '12-26',
      ].map((d) => holidayOn(`${year}-${d}`)),
    ).toEqual([
      'new-year',
      'epiphany',
      'liberation',
      'labour',
      'republic',
      'assumption',
      'all-saints',
      'immaculate',
      'santa-lucia',
      'christmas',
      'st-stephen',
    ]);
  });

  it('has no holiday on ordinary days', () => {
    expect(holidayOn('2026-11-26')).toBeUndefined();
    expect(holidayOn('2026-12-14')).toBeUndefined();
  });

  it('steps over month and year ends', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});
