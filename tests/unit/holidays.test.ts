/** The rules of content/holidays.yaml turned into dates, and the schema staff write them in. */
import { describe, expect, it } from 'vitest';
import { easterSunday, holidayDates, holidayIn } from '../../src/lib/hours/holidays';
import { holidaysSchema } from '../../src/schemas/content';

describe('a holiday rule', () => {
  it('knows Easter, and so Easter Monday and any day counted from it', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(holidayIn({ easter: 1 }, 2026)).toBe('2026-04-06');
    expect(holidayIn({ easter: 1 }, 2027)).toBe('2027-03-29');
    expect(holidayIn({ easter: -2 }, 2027)).toBe('2027-03-26');
    expect(holidayIn({ easter: 39 }, 2027)).toBe('2027-05-06');
  });

  it('falls on its day every year, a 29 February in leap years only', () => {
    expect(holidayIn({ day: '12-25' }, 2026)).toBe('2026-12-25');
    expect(holidayIn({ day: '12-25' }, 2099)).toBe('2099-12-25');
    expect(holidayIn({ day: '02-29' }, 2028)).toBe('2028-02-29');
    expect(holidayIn({ day: '02-29' }, 2027)).toBeUndefined();
  });

  it('falls once on a one-off date, and in no other year', () => {
    expect(holidayIn({ date: '2027-06-14' }, 2027)).toBe('2027-06-14');
    expect(holidayIn({ date: '2027-06-14' }, 2026)).toBeUndefined();
    expect(holidayIn({ date: '2027-06-14' }, 2028)).toBeUndefined();
  });

  it('holds from its first year to its last: 4 October is a holiday again from 2026', () => {
    const october4 = { day: '10-04', fromYear: 2026 };
    expect(holidayIn(october4, 2025)).toBeUndefined();
    expect(holidayIn(october4, 2026)).toBe('2026-10-04');
    expect(holidayIn(october4, 2027)).toBe('2027-10-04');
    const until = { day: '06-01', fromYear: 2027, untilYear: 2028 };
    expect([2026, 2027, 2028, 2029].map((year) => holidayIn(until, year))).toEqual([
      undefined,
      '2027-06-01',
      '2028-06-01',
      undefined,
    ]);
  });
});

describe('the holidays of a span of days', () => {
  const rules = [
    { day: '01-01' },
    { easter: 1 },
    { day: '10-04', fromYear: 2026 },
    { date: '2027-06-14' },
    { day: '12-25' },
    { date: '2027-12-25' },
  ];

  it('lists each date once, in date order, with the place of its rule in the list', () => {
    expect(holidayDates(rules, '2025-01-01', '2025-12-31')).toEqual({
      '2025-01-01': 0,
      '2025-04-21': 1,
      '2025-12-25': 4,
    });
    const dates = holidayDates(rules, '2026-12-01', '2027-12-31');
    expect(Object.keys(dates)).toEqual([
      '2026-12-25',
      '2027-01-01',
      '2027-03-29',
      '2027-06-14',
      '2027-10-04',
      '2027-12-25',
    ]);
    // Two rules on one day: the first in the list names it.
    expect(dates['2027-12-25']).toBe(4);
  });

  it('keeps to the span, both ends included', () => {
    expect(holidayDates(rules, '2027-01-02', '2027-03-29')).toEqual({ '2027-03-29': 1 });
    expect(holidayDates(rules, '2027-01-02', '2027-03-28')).toEqual({});
  });
});

describe('content/holidays.yaml as staff write it', () => {
  const file = (holiday: Record<string, unknown>) => ({
    lastReviewed: '2026-12-07',
    holidays: [{ name: 'Festa', source: 'Legge', ...holiday }],
  });
  const messages = (holiday: Record<string, unknown>) => {
    const result = holidaysSchema.safeParse(file(holiday));
    return result.success
      ? []
      : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('takes a holiday with only its Italian name', () => {
    expect(messages({ day: '07-15' })).toEqual([]);
    expect(messages({ easter: 1, names: { en: 'Easter Monday' } })).toEqual([]);
    expect(messages({ date: '2027-06-14', fromYear: 2027 })).toEqual([]);
  });

  it('asks for exactly one rule, in words staff can act on', () => {
    expect(messages({})).toEqual([
      'holidays.0.day: say when the holiday falls: day (every year, MM-DD), easter (days after Easter Sunday) or date (once, YYYY-MM-DD)',
    ]);
    expect(messages({ day: '12-25', date: '2027-12-25' })).toEqual([
      'holidays.0.date: give only one of day, easter and date; this holiday has day and date',
    ]);
  });

  it('refuses a day written day first, a day not in the calendar, years the wrong way round', () => {
    expect(messages({ day: '25-12' })).toEqual([
      'holidays.0.day: this day does not exist in the calendar (write the month first: 12-25 for 25 December)',
    ]);
    expect(messages({ day: '4/10' })).toEqual([
      'holidays.0.day: write the day as MM-DD (month, then day), for example 12-25 for 25 December',
    ]);
    expect(messages({ day: '10-04', fromYear: 2027, untilYear: 2026 })).toEqual([
      'holidays.0.untilYear: untilYear comes before fromYear',
    ]);
    expect(messages({ day: '10-04', fromYear: 26 })).toEqual([
      'holidays.0.fromYear: fromYear must be a year written in full, for example 2026',
    ]);
  });

  it('refuses a name in a language the site does not have, or an empty one', () => {
    expect(messages({ day: '10-04', names: { de: 'Feiertag' } })).toHaveLength(1);
    expect(messages({ day: '10-04', names: { en: ' ' } })).toHaveLength(1);
  });
});
