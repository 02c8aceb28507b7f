import { describe, expect, it } from 'vitest';
import { upcomingClosures } from '../../src/lib/hours/upcoming';
import type { ScheduleData } from '../../src/lib/hours/schedule';
import { holidayIndex, poloWeek } from '../support/polo-week';

const day = [{ opens: '09:00', closes: '13:00' }];
const polo: ScheduleData = {
  weekly: { monday: day, wednesday: day, thursday: day },
  openOn: [],
  closures: [],
  holidays: poloWeek.holidays,
};

describe('upcoming closures', () => {
  it('lists the holidays that take away an opening day, in order', () => {
    const list = upcomingClosures(polo, '2026-11-26', 130);
    // 8 Dec 2026 is a Tuesday and 13 Dec a Sunday: nothing lost. 25 Dec is a Friday, 26 a
    // Saturday, 1 Jan 2027 a Friday. 6 Jan 2027 is a Wednesday. Easter Monday 2027 is 29 March.
    expect(list).toEqual([
      { kind: 'holiday', date: '2027-01-06', holiday: holidayIndex('epiphany') },
      { kind: 'holiday', date: '2027-03-29', holiday: holidayIndex('easterMonday') },
    ]);
  });

  it('puts closure notices among them, running ones included, and hides holidays inside them', () => {
    const list = upcomingClosures(
      {
        ...polo,
        closures: [
          { from: '2026-11-20', to: '2026-11-27', reason: 'Lavori' },
          { from: '2027-01-04', to: '2027-01-08', reason: 'Inventario' },
          { from: '2026-01-01', to: '2026-01-02', reason: 'Passata' },
        ],
      },
      '2026-11-26',
      130,
    );
    expect(list).toEqual([
      { kind: 'closure', from: '2026-11-20', to: '2026-11-27', reason: 'Lavori' },
      { kind: 'closure', from: '2027-01-04', to: '2027-01-08', reason: 'Inventario' },
      { kind: 'holiday', date: '2027-03-29', holiday: holidayIndex('easterMonday') },
    ]);
  });

  it('leaves out a holiday the hours content overrides', () => {
    expect(upcomingClosures({ ...polo, openOn: ['2027-01-06'] }, '2026-11-26', 60)).toEqual([]);
  });
});
