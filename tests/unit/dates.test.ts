import { describe, expect, it } from 'vitest';
import { dateWords, formatDate, formatMoment, formatTime, weekdayName } from '../../src/lib/dates';
import { fillDate } from '../../src/lib/date-words';
import { locales } from '../../src/lib/locales';

/** The 4th of every month of 2026, e.g. '2026-12-04'. */
const fourths = Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}-04`);

describe('dates and times in the page language', () => {
  it('names the weekdays in each language', () => {
    expect(weekdayName('monday', 'it-IT')).toBe('lunedì');
    expect(weekdayName('wednesday', 'en-GB')).toBe('Wednesday');
    expect(weekdayName('thursday', 'fr-FR')).toBe('jeudi');
    expect(weekdayName('monday', 'ar-u-nu-latn')).toBe('الاثنين');
    expect(weekdayName('sunday', 'it-IT')).toBe('domenica');
  });

  it('writes times on a 24-hour clock with Latin digits, Arabic included', () => {
    expect(formatTime('09:00', 'it-IT')).toBe('09:00');
    expect(formatTime('15:00', 'en-GB')).toBe('15:00');
    expect(formatTime('18:00', 'ar-u-nu-latn')).toBe('18:00');
    expect(formatTime('13:00', 'fr-FR')).toBe('13:00');
  });

  it('writes a calendar date in words, on the same day whatever the season', () => {
    expect(formatDate('2026-11-26', 'it-IT')).toBe('26 novembre 2026');
    expect(formatDate('2026-03-29', 'en-GB')).toBe('29 March 2026');
    expect(formatDate('2026-10-25', 'fr-FR')).toBe('25 octobre 2026');
    expect(formatDate('2026-01-01', 'ar-u-nu-latn')).toBe('1 يناير 2026');
    expect(formatDate('2026-12-04', 'ta-LK')).toBe('4 டிசம்பர், 2026');
  });

  it('writes Sinhala dates with the Gregorian month names of Sri Lankan notices, not the lunar ones', () => {
    expect(formatDate('2026-12-04', 'si-LK')).toBe('2026 දෙසැම්බර් 4');
    expect(formatDate('2026-01-15', 'si-LK')).toBe('2026 ජනවාරි 15');
    // Intl's own (CLDR 48) names are the traditional ones: never on the site.
    const intlNames = new Intl.DateTimeFormat('si-LK', { month: 'long', timeZone: 'UTC' });
    const traditional = fourths.map((day) => intlNames.format(new Date(`${day}T12:00:00Z`)));
    const written = fourths.map((day) => formatDate(day, 'si-LK')).join(' ');
    for (const name of traditional.filter((n) => !dateWords('si-LK').months.includes(n))) {
      expect(written).not.toContain(name);
    }
  });

  it('writes Somali dates day first, as the Somali interface text does', () => {
    expect(formatDate('2026-12-04', 'so-SO')).toBe('4 Diseembar 2026');
    expect(dateWords('so-SO', 'dayMonth').pattern).toBe('{day} {month}');
  });

  it.each(locales.map((l) => [l.code, l.intl]))(
    '%s: every month of a date is a name of its one set, never "M" and a number',
    (_, intl) => {
      const { months } = dateWords(intl);
      expect(new Set(months).size).toBe(12);
      fourths.forEach((day, month) => {
        const written = formatDate(day, intl);
        expect(written).toContain(months[month]);
        expect(written).not.toMatch(/M\d/);
        expect(written).toContain('2026');
      });
      // The day-and-month form (the status line) uses the same names.
      expect(dateWords(intl, 'dayMonth').months).toEqual(months);
    },
  );

  it('fills a date from its words without Intl, as the service worker does', () => {
    const words = { pattern: '{year} {month} {day}', months: dateWords('si-LK').months };
    expect(fillDate(words, '2026-12-04')).toBe('2026 දෙසැම්බර් 4');
  });

  it('writes an instant as its date and time in Italy', () => {
    expect(formatMoment(new Date('2026-12-04T09:05:00Z'), 'it-IT')).toBe(
      '4 dicembre 2026 alle ore 10:05',
    );
    // After 23:00 UTC in summer it is already the next day in Italy.
    expect(formatMoment(new Date('2026-07-04T23:05:00Z'), 'si-LK')).toBe('2026 ජූලි 5, 01.05');
  });
});
