import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, weekdayName } from '../../src/lib/dates';

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
    expect(formatDate('2026-01-01', 'ar-u-nu-latn')).toContain('2026');
  });
});
