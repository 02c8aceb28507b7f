/** The check every page and mail goes through finds a date with another set's month. */
import { describe, expect, it } from 'vitest';
import { misnamedMonths } from '../support/month-names';

describe('a date with a month of another set', () => {
  it.each([
    ['si', '2026 උඳුවප් 4', ['උඳුවප්']],
    ['si', '2026 දෙසැම්බර් 4', []],
    // The status line's words: '#' stands for the day.
    ['si', 'උඳුවප් #', ['උඳුවප්']],
    ['so', '2026 M12 4', ['M12']],
    ['so', '4 Diseembar 2026', []],
    ['ar', '4 كانون الأول 2026', ['كانون الأول']],
    ['ar', '4 ديسمبر 2026', []],
    ['it', '4 dicembre 2026', []],
    ['it', 'Copia del 4 December 2026', ['December']],
    // A month's name that is also a word, away from any number, is no date.
    ['it', 'non chiude mai prima delle 13', []],
  ])('%s: %s', (lang, text, found) => {
    expect(misnamedMonths(lang, text)).toEqual(found);
  });
});
