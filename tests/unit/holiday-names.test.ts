/** `npm run content -- translations` names each holiday not yet written in a language. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holidayNamesReport, missingHolidayNames } from '../../src/cli/holiday-names';

let content: string | undefined;
afterEach(() => content && rmSync(content, { recursive: true, force: true }));

/** A content folder with only a holidays.yaml of `text`. */
function folderWith(text: string): string {
  content = mkdtempSync(join(tmpdir(), 'polo-holidays-'));
  writeFileSync(join(content, 'holidays.yaml'), text);
  return content;
}

describe('holiday names not written yet', () => {
  it('lists each language a holiday has no name in, in the site’s order', () => {
    const dir = folderWith(
      [
        'polo:',
        '  lastReviewed: 2026-12-07',
        '  holidays:',
        "    - { name: Natale, day: '12-25', source: Legge, names: { en: Christmas, fr: Noël, ar: عيد الميلاد, si: නත්තල, ta: நத்தார், so: Kirismaska } }",
        "    - { name: Festa del Polo, day: '07-15', source: Delibera, names: { fr: Fête du Polo, so: '' } }",
        '',
      ].join('\n'),
    );
    expect(missingHolidayNames(dir)).toEqual(
      ['en', 'ar', 'si', 'ta', 'so'].map((lang) => ({ lang, name: 'Festa del Polo' })),
    );
    expect(holidayNamesReport(missingHolidayNames(dir))).toMatch(
      /^Holiday names not written yet \(shown in Italian meanwhile\): 5\n {2}en {2}Festa del Polo\n/,
    );
  });

  it('says when nothing is missing', () => {
    expect(holidayNamesReport([])).toBe('Every holiday has its name in every language.');
  });
});
