/**
 * The room the status line reserves: the longest text it can show in the coming year, so
 * that writing the real text after the first paint moves nothing.
 */
import { describe, expect, it } from 'vitest';
import { poloWeek } from '../support/polo-week';
import { stringsOf } from '../support/status-strings';
import { hoursStatus } from '../../src/lib/hours/schedule';
import { longestStatusText, statusText } from '../../src/i18n/status-text';

const strings = stringsOf('it');
const from = Date.parse('2026-11-27T10:00:00Z');
const closure = {
  from: '2026-12-21',
  to: '2027-01-08',
  reason: 'Chiusura per lavori di manutenzione della sede del Polo',
};

describe('the status line reserves its room', () => {
  it('for a text at least as long as any it shows in the next weeks, at any hour', () => {
    const room = longestStatusText(poloWeek, strings, from, 60);
    for (let now = from; now < from + 60 * 864e5; now += 37 * 60_000) {
      const text = statusText(hoursStatus(poloWeek, now), now, strings);
      expect(text.length, text).toBeLessThanOrEqual(room.length);
    }
  });

  it("for a closure's reason, when a notice declares one", () => {
    const data = { ...poloWeek, closures: [closure] };
    expect(longestStatusText(data, strings, from)).toContain(closure.reason);
    expect(longestStatusText(poloWeek, strings, from)).not.toContain(closure.reason);
  });
});
