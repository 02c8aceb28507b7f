/**
 * The status line on a holiday of the real content/holidays.yaml: Monday 4 October 2027, a
 * national holiday again from 2026, at 10:00 in Italy. A Monday the Polo would open (the
 * tests' own week), so the line must say closed for the holiday, by its name, in every language.
 */
import { describe, expect, it } from 'vitest';
import { poloWeek } from '../support/polo-week';
import { stringsOf } from '../support/status-strings';
import { holidaysOf } from '../support/content-facts';
import { readable } from '../support/html-tree';
import { uiString } from '../support/ui-strings';
import { holidayDates } from '../../src/lib/hours/holidays';
import { hoursStatus, italianInstant } from '../../src/lib/hours/schedule';
import { statusText } from '../../src/i18n/status-text';
import { localeCodes } from '../../src/lib/locales';

const holidays = holidaysOf();
const data = { ...poloWeek, holidays: holidayDates(holidays, '2025-01-01', '2028-12-31') };
const now = italianInstant('2027-10-04', '10:00');

describe('Monday 4 October 2027 at 10:00 in Italy', () => {
  const index = data.holidays['2027-10-04'];

  it('is a holiday of the file, and 4 October 2025 was not', () => {
    expect(index).toBeDefined();
    expect(data.holidays['2026-10-04']).toBe(index);
    expect(data.holidays['2025-10-04']).toBeUndefined();
  });

  it('is closed for the holiday', () => {
    expect(hoursStatus(data, now)).toMatchObject({
      state: 'closed',
      reason: 'holiday',
      closedDay: { kind: 'holiday', holiday: index },
    });
  });

  it.each(localeCodes)('says so in %s, with the name in that language', (lang) => {
    const holiday = holidays[index ?? -1];
    const name = lang === 'it' ? holiday?.name : (holiday?.names?.[lang] ?? holiday?.name);
    const line = readable(statusText(hoursStatus(data, now), now, stringsOf(lang)));
    const [before = ''] = uiString(lang, 'status.holiday').split('{name}');
    expect(line.startsWith(readable(before)), line).toBe(true);
    expect(line).toContain(name);
  });
});
