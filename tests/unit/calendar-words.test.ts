/**
 * The status line's dates and times come from the build's Intl, so a browser without a
 * language's data (Chromium has none for Sinhala or Somali) still writes them in that language.
 */
import { describe, expect, it } from 'vitest';
import { calendarWords, dayMonthText, timeText } from '../../src/lib/hours/calendar-words';
import { formatTime } from '../../src/lib/dates';
import { italianWallTime } from '../../src/lib/hours/schedule';
import { locales } from '../../src/i18n/locales';

describe('calendarWords', () => {
  it('writes a day and a time as Intl does in Italian', () => {
    const italian = calendarWords('it-IT');
    expect(italian.weekdays.wednesday).toBe('mercoledì');
    expect(dayMonthText(italian, '2026-12-13')).toBe('13 dicembre');
    expect(timeText(italian, 9, 0)).toBe('09:00');
  });

  it('keeps the order of day and month of each language', () => {
    expect(dayMonthText(calendarWords('en-US'), '2026-12-13')).toBe('December 13');
    expect(dayMonthText(calendarWords('en-GB'), '2026-12-13')).toBe('13 December');
  });

  it('writes digits of another numbering system when the tag asks for them', () => {
    expect(timeText(calendarWords('ar-u-nu-arab'), 15, 30)).toBe('١٥:٣٠');
    expect(timeText(calendarWords('ar-u-nu-latn'), 15, 30)).toBe('15:30');
  });

  it.each(locales.map((l) => [l.code, l.intl]))(
    'writes times in %s as the hours table does (the same Intl at build time)',
    (_, intl) => {
      const words = calendarWords(intl);
      expect(timeText(words, 9, 0)).toBe(formatTime('09:00', intl));
      expect(timeText(words, 18, 30)).toBe(formatTime('18:30', intl));
      expect(Object.values(words.weekdays).every((name) => name.length > 0)).toBe(true);
    },
  );
});

describe('italianWallTime', () => {
  it('reads the clock in Italy, summer and winter, whatever the device zone', () => {
    expect(italianWallTime(Date.parse('2027-03-31T07:00:00Z'))).toEqual({ hours: 9, minutes: 0 });
    expect(italianWallTime(Date.parse('2026-12-02T17:30:00Z'))).toEqual({ hours: 18, minutes: 30 });
  });
});
