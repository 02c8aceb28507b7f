/**
 * The status line as the browser shows it: a lookup among the changes the build worked out.
 * Across a span with a summer-time change, a holiday on an opening day, a closure, lunch
 * breaks and a next timetable, the lookup must say exactly what the hours model says, at any
 * minute; outside the span it must say nothing rather than guess.
 */
import { describe, expect, it } from 'vitest';
import { poloDay, poloWeek } from '../support/polo-week';
import { stringsOf } from '../support/status-strings';
import { hoursStatus, italianInstant, italianIsoString } from '../../src/lib/hours/schedule';
import { statusText } from '../../src/i18n/status-text';
import { longestText, statusChanges } from '../../src/i18n/status-changes';
import { statusAt } from '../../src/lib/hours/status-lookup';
import type { Locale } from '../../src/lib/locales';

const minute = 60_000;
const days = 42;
/** 15 March 2027: summer time begins on the 28th, Easter Monday (an opening day) is the 29th. */
const fromDay = '2027-03-15';
const data = {
  ...poloWeek,
  closures: [{ from: '2027-04-06', to: '2027-04-09', reason: 'Chiuso per inventario' }],
  // From 19 April only Tuesdays, one period.
  next: { from: '2027-04-19', weekly: { tuesday: [poloDay[0]!] } },
};
const start = italianInstant(fromDay, '00:00');
const end = italianInstant('2027-04-26', '00:00');

describe.each(['it', 'ar'] as Locale[])('the looked-up status line in %s', (lang) => {
  const strings = stringsOf(lang);
  const changes = statusChanges(data, strings, fromDay, days);

  it('is the model’s text, state and next change at every seventh minute of the span', () => {
    for (let now = start; now < end; now += 7 * minute) {
      const status = hoursStatus(data, now);
      const at = new Date(now).toISOString();
      expect(statusAt(changes, now), at).toEqual({
        text: statusText(status, now, strings),
        state: status.state,
        ...(status.nextChange === undefined
          ? {}
          : { nextChange: italianIsoString(status.nextChange) }),
      });
    }
  });

  it('changes on the minute of each opening and closing, summer time included', () => {
    const opening = italianInstant('2027-03-31', '09:00');
    expect(statusAt(changes, opening - 1)?.state).toBe('closed');
    expect(statusAt(changes, opening)).toMatchObject({
      state: 'open',
      nextChange: '2027-03-31T13:00:00+02:00',
    });
  });

  it('passes through the holiday, the closure and the lunch break', () => {
    const texts = changes.t.join('\n');
    expect(texts).toContain(strings.holidays[2]);
    expect(texts).toContain('Chiuso per inventario');
    expect(
      statusAt(changes, italianInstant('2027-03-31', '14:00')),
      'a lunch break, as the model says',
    ).toMatchObject({ state: 'closed' });
  });

  it('says nothing before the span or from its end on', () => {
    expect(statusAt(changes, start - 1)).toBeUndefined();
    expect(statusAt(changes, start - 90 * 864e5)).toBeUndefined();
    expect(statusAt(changes, end)).toBeUndefined();
    expect(statusAt(changes, end + 365 * 864e5)).toBeUndefined();
    expect(statusAt(changes, end - 1)).toBeDefined();
  });

  it('carries each text once, the longest as the room', () => {
    expect(new Set(changes.t).size).toBe(changes.t.length);
    const room = longestText(changes);
    for (const text of changes.t) expect(text.length).toBeLessThanOrEqual(room.length);
  });
});
