/** The opening-hours model at fixed instants: every rule, both DST changes, any device zone. */
import { afterEach, describe, expect, it } from 'vitest';
import { holidayIndex, poloWeek } from '../support/polo-week';
import {
  hoursStatus,
  italianDay,
  italianInstant,
  italianIsoString,
  type ScheduleData,
} from '../../src/lib/hours/schedule';

const polo = poloWeek;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('a normal week (Monday 30 November 2026, Italy on UTC+1)', () => {
  it('opens at 09:00 sharp and not a minute before', () => {
    expect(hoursStatus(polo, at('2026-11-30T07:59:59Z'))).toMatchObject({
      state: 'closed',
      reason: 'outside-hours',
    });
    expect(iso(hoursStatus(polo, at('2026-11-30T07:59:00Z')).nextChange)).toBe(
      '2026-11-30T08:00:00.000Z',
    );
    const opening = hoursStatus(polo, at('2026-11-30T08:00:00Z'));
    expect(opening.state).toBe('open');
    expect(iso(opening.nextChange)).toBe('2026-11-30T12:00:00.000Z');
    expect(iso(opening.nextOpening)).toBe('2026-11-30T14:00:00.000Z');
  });

  it('is open in the last minute of the morning, closed for lunch at 13:00', () => {
    expect(hoursStatus(polo, at('2026-11-30T11:59:00Z')).state).toBe('open');
    const lunch = hoursStatus(polo, at('2026-11-30T12:00:00Z'));
    expect(lunch).toMatchObject({ state: 'closed', reason: 'lunch-break' });
    expect(iso(lunch.nextChange)).toBe('2026-11-30T14:00:00.000Z');
    expect(hoursStatus(polo, at('2026-11-30T13:59:00Z')).reason).toBe('lunch-break');
  });

  it('opens again at 15:00, closes at 18:00 until Wednesday', () => {
    expect(hoursStatus(polo, at('2026-11-30T14:00:00Z')).state).toBe('open');
    expect(hoursStatus(polo, at('2026-11-30T16:59:00Z')).state).toBe('open');
    const evening = hoursStatus(polo, at('2026-11-30T17:00:00Z'));
    expect(evening).toMatchObject({ state: 'closed', reason: 'outside-hours' });
    expect(iso(evening.nextChange)).toBe('2026-12-02T08:00:00.000Z');
  });

  it('is closed on Tuesday and at the weekend', () => {
    const tuesday = hoursStatus(polo, at('2026-12-01T10:00:00Z'));
    expect(tuesday).toMatchObject({ state: 'closed', reason: 'outside-hours' });
    expect(iso(tuesday.nextOpening)).toBe('2026-12-02T08:00:00.000Z');
    const saturday = hoursStatus(polo, at('2026-12-05T10:00:00Z'));
    expect(iso(saturday.nextOpening)).toBe('2026-12-07T08:00:00.000Z');
    expect(hoursStatus(polo, at('2026-12-06T22:59:00Z')).state).toBe('closed');
  });
});

describe('holidays', () => {
  it('closes on Easter Monday 2026 and 2027, and says so', () => {
    const easter2026 = hoursStatus(polo, at('2026-04-06T08:30:00Z'));
    expect(easter2026).toMatchObject({
      state: 'closed',
      reason: 'holiday',
      closedDay: { kind: 'holiday', holiday: holidayIndex('easterMonday') },
    });
    expect(iso(easter2026.nextOpening)).toBe('2026-04-08T07:00:00.000Z');
    const easter2027 = hoursStatus(polo, at('2027-03-29T08:30:00Z'));
    expect(easter2027).toMatchObject({
      reason: 'holiday',
      closedDay: { holiday: holidayIndex('easterMonday') },
    });
    expect(iso(easter2027.nextOpening)).toBe('2027-03-31T07:00:00.000Z');
  });

  it('closes on Santa Lucia, 13 December (a Monday in 2027)', () => {
    const status = hoursStatus(polo, at('2027-12-13T09:00:00Z'));
    expect(status).toMatchObject({
      reason: 'holiday',
      closedDay: { holiday: holidayIndex('santaLucia') },
    });
    expect(iso(status.nextOpening)).toBe('2027-12-15T08:00:00.000Z');
  });

  it('closes on a fixed holiday that falls on an opening day (Thursday 25 December 2025)', () => {
    expect(hoursStatus(polo, at('2025-12-25T09:00:00Z'))).toMatchObject({
      reason: 'holiday',
      closedDay: { holiday: holidayIndex('christmas') },
    });
  });

  it('does not make news of a holiday on a day the Polo is closed anyway', () => {
    // Tuesday 8 December 2026.
    expect(hoursStatus(polo, at('2026-12-08T09:00:00Z')).reason).toBe('outside-hours');
  });

  it('skips holidays when looking for the next opening', () => {
    // Tuesday 5 January 2027, closed on Tuesdays => Thursday 7 January: Wednesday 6 is Epiphany.
    const status = hoursStatus(polo, at('2027-01-05T10:00:00Z'));
    expect(iso(status.nextOpening)).toBe('2027-01-07T08:00:00.000Z');
  });

  it('opens on a holiday that the hours content overrides', () => {
    const status = hoursStatus({ ...polo, openOn: ['2027-03-29'] }, at('2027-03-29T08:30:00Z'));
    expect(status.state).toBe('open');
  });
});

describe('closure notices', () => {
  const closed: ScheduleData = {
    ...polo,
    closures: [{ from: '2027-01-14', to: '2027-01-18', reason: 'Lavori' }],
  };

  it('close every day of a range that spans a weekend', () => {
    for (const moment of [
      '2027-01-14T09:00:00Z', // Thursday
      '2027-01-16T09:00:00Z', // Saturday
      '2027-01-18T16:00:00Z', // Monday
    ]) {
      expect(hoursStatus(closed, at(moment))).toMatchObject({
        state: 'closed',
        reason: 'closure',
        closedDay: { kind: 'closure', closure: { to: '2027-01-18', reason: 'Lavori' } },
      });
    }
    expect(iso(hoursStatus(closed, at('2027-01-16T09:00:00Z')).nextOpening)).toBe(
      '2027-01-20T08:00:00.000Z',
    );
  });

  it('end on their last day', () => {
    expect(hoursStatus(closed, at('2027-01-20T08:00:00Z')).state).toBe('open');
  });
});

describe('daylight saving time', () => {
  it('spring: Friday 27 March 2026 (UTC+1) => Monday 30 March at 09:00 (UTC+2)', () => {
    const status = hoursStatus(polo, at('2026-03-27T12:00:00Z'));
    expect(iso(status.nextOpening)).toBe('2026-03-30T07:00:00.000Z');
    expect(hoursStatus(polo, at('2026-03-30T06:59:00Z')).state).toBe('closed');
    expect(hoursStatus(polo, at('2026-03-30T07:00:00Z')).state).toBe('open');
    expect(iso(hoursStatus(polo, at('2026-03-30T07:00:00Z')).nextChange)).toBe(
      '2026-03-30T11:00:00.000Z',
    );
  });

  it('autumn: Thursday 22 October 2026 (UTC+2) => Monday 26 October at 09:00 (UTC+1)', () => {
    const status = hoursStatus(polo, at('2026-10-22T16:00:00Z'));
    expect(status.state).toBe('closed');
    expect(iso(status.nextOpening)).toBe('2026-10-26T08:00:00.000Z');
    expect(hoursStatus(polo, at('2026-10-26T07:59:00Z')).state).toBe('closed');
    expect(hoursStatus(polo, at('2026-10-26T08:00:00Z')).state).toBe('open');
  });

  it('converts Italian wall-clock times on both sides of each change', () => {
    expect(iso(italianInstant('2026-03-28', '09:00'))).toBe('2026-03-28T08:00:00.000Z');
    expect(iso(italianInstant('2026-03-29', '09:00'))).toBe('2026-03-29T07:00:00.000Z');
    expect(iso(italianInstant('2026-10-24', '09:00'))).toBe('2026-10-24T07:00:00.000Z');
    expect(iso(italianInstant('2026-10-25', '09:00'))).toBe('2026-10-25T08:00:00.000Z');
  });
});

describe('instants written as Italian time', () => {
  it('carries the offset of the season', () => {
    expect(italianIsoString(at('2026-12-02T08:00:00Z'))).toBe('2026-12-02T09:00:00+01:00');
    expect(italianIsoString(at('2026-07-01T07:00:00Z'))).toBe('2026-07-01T09:00:00+02:00');
  });
});

describe('whatever the device time zone', () => {
  const original = process.env['TZ'];
  afterEach(() => {
    process.env['TZ'] = original;
  });

  for (const zone of ['Asia/Dhaka', 'America/Sao_Paulo', 'Pacific/Kiritimati', 'UTC']) {
    it(`gives the same answers with the device set to ${zone}`, () => {
      process.env['TZ'] = zone;
      expect(italianDay(at('2026-11-30T23:30:00Z'))).toEqual({
        iso: '2026-12-01',
        weekday: 'tuesday',
      });
      expect(hoursStatus(polo, at('2026-11-30T11:59:00Z')).state).toBe('open');
      expect(iso(hoursStatus(polo, at('2026-11-30T17:00:00Z')).nextOpening)).toBe(
        '2026-12-02T08:00:00.000Z',
      );
      expect(hoursStatus(polo, at('2027-03-29T08:30:00Z')).reason).toBe('holiday');
    });
  }
});

describe('a new timetable from a date (Tuesday mornings too, from Monday 1 February 2027)', () => {
  const tuesday = [{ opens: '09:00', closes: '13:00' }];
  const changing: ScheduleData = {
    ...polo,
    next: { from: '2027-02-01', weekly: { ...polo.weekly, tuesday } },
  };

  it('is closed on the last Tuesday before, and says it opens on Wednesday', () => {
    const status = hoursStatus(changing, at('2027-01-26T09:00:00Z'));
    expect(status.state).toBe('closed');
    expect(iso(status.nextChange)).toBe('2027-01-27T08:00:00.000Z');
  });

  it('counts on the new Tuesday when it looks ahead from Monday 1 February', () => {
    const status = hoursStatus(changing, at('2027-02-01T17:30:00Z'));
    expect(iso(status.nextChange)).toBe('2027-02-02T08:00:00.000Z');
  });

  it('is open on the first Tuesday, until 13:00', () => {
    const status = hoursStatus(changing, at('2027-02-02T09:00:00Z'));
    expect(status).toMatchObject({ state: 'open' });
    expect(iso(status.nextChange)).toBe('2027-02-02T12:00:00.000Z');
  });
});
