/**
 * Italian time by arithmetic (the EU summer-time rule) agrees with Intl's Europe/Rome, hour by
 * hour over several years and minute by minute around each change of the clocks.
 */
import { describe, expect, it } from 'vitest';
import { italianIsoString, italianOffset, italianTime } from '../../src/lib/hours/schedule';

const rome = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  timeZoneName: 'longOffset',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** Intl's offset in minutes and wall-clock time, e.g. [60, '09:00']. */
function intl(instant: number): [number, string] {
  const parts = rome.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const [, sign = '+', hours = '0'] = /GMT([+-])(\d\d)/.exec(part('timeZoneName')) ?? [];
  return [Number(`${sign}${Number(hours) * 60}`), `${part('hour')}:${part('minute')}`];
}

describe('Italian time', () => {
  it('agrees with Intl every hour from 2025 to 2032', () => {
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2033, 0, 1); t += 3_600_000) {
      expect([italianOffset(t), italianTime(t)], new Date(t).toISOString()).toEqual(intl(t));
    }
  });

  it('changes at 01:00 UTC on the last Sundays of March and October', () => {
    for (const change of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2027-03-28T01:00:00Z']) {
      const at = Date.parse(change);
      for (let t = at - 5 * 60_000; t <= at + 5 * 60_000; t += 60_000) {
        expect(italianOffset(t), new Date(t).toISOString()).toBe(intl(t)[0]);
      }
    }
    expect(italianIsoString(Date.parse('2026-07-01T07:00:00Z'))).toBe('2026-07-01T09:00:00+02:00');
    expect(italianIsoString(Date.parse('2026-12-02T08:00:00Z'))).toBe('2026-12-02T09:00:00+01:00');
  });
});
