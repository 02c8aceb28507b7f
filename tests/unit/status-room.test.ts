/**
 * The room the status line reserves: the longest text it can show in the weeks the page
 * carries, so that writing the real text after the first paint moves nothing.
 */
import { describe, expect, it } from 'vitest';
import { poloWeek } from '../support/polo-week';
import { stringsOf } from '../support/status-strings';
import { hoursStatus, type ScheduleData } from '../../src/lib/hours/schedule';
import { statusText } from '../../src/i18n/status-text';
import { longestText, statusChanges } from '../../src/i18n/status-changes';

const strings = stringsOf('it');
const fromDay = '2026-11-27';
const from = Date.parse('2026-11-26T23:00:00Z');
const room = (data: ScheduleData, days: number) =>
  longestText(statusChanges(data, strings, fromDay, days));
const closure = {
  from: '2026-12-21',
  to: '2027-01-08',
  reason: 'Chiusura per lavori di manutenzione della sede del Polo',
};

describe('the status line reserves its room', () => {
  it('for a text at least as long as any it shows in the next weeks, at any hour', () => {
    const longest = room(poloWeek, 60);
    for (let now = from; now < from + 60 * 864e5; now += 37 * 60_000) {
      const text = statusText(hoursStatus(poloWeek, now), now, strings);
      expect(text.length, text).toBeLessThanOrEqual(longest.length);
    }
  });

  it("for a closure's reason, when a notice declares one", () => {
    const data = { ...poloWeek, closures: [closure] };
    expect(room(data, 42)).toContain(closure.reason);
    expect(room(poloWeek, 42)).not.toContain(closure.reason);
  });
});
