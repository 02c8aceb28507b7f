/** The calendar file, read back by a real iCalendar parser (ical.js) and expanded. */
import ICAL from 'ical.js';
import { poloWeek } from '../support/polo-week';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, openingHoursCalendar } from '../../src/lib/hours/ics';
import type { ScheduleData } from '../../src/lib/hours/schedule';

const polo: ScheduleData = {
  ...poloWeek,
  closures: [{ from: '2027-01-14', to: '2027-01-18', reason: 'Lavori' }],
};
const text = openingHoursCalendar(polo, {
  name: 'Polo Sociale Integrato di Siracusa',
  summary: 'Polo Sociale Integrato di Siracusa: مفتوح',
  url: 'https://example.org/ar/orari/',
  from: '2026-11-26',
  until: '2028-11-26',
  now: new Date('2026-11-26T10:00:00Z'),
});

/** Every start of every event in the file, as UTC ISO strings. */
function occurrences(ics = text): string[] {
  const calendar = ICAL.Component.fromString(ics);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  const starts: string[] = [];
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (event.isRecurrenceException()) continue;
      const excluded = vevent
        .getAllProperties('exdate')
        .flatMap((p) => p.getValues() as ICAL.Time[])
        .some((d) => d.compare(next) === 0);
      if (!excluded) starts.push(next.toJSDate().toISOString());
    }
  }
  return starts.sort();
}

describe('the iCalendar file', () => {
  const starts = occurrences();

  it('is valid iCalendar with CRLF lines of at most 75 octets', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of text.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
  });

  it('repeats both periods on Monday, Wednesday and Thursday in Italian time', () => {
    // Monday 30 November 2026, winter time.
    expect(starts).toContain('2026-11-30T08:00:00.000Z');
    expect(starts).toContain('2026-11-30T14:00:00.000Z');
    expect(starts).toContain('2026-12-02T08:00:00.000Z');
    expect(starts).toContain('2026-12-03T08:00:00.000Z');
    expect(starts.some((s) => s.startsWith('2026-12-01'))).toBe(false);
  });

  it('keeps 09:00 Italian time across both daylight-saving changes', () => {
    expect(starts).toContain('2027-03-25T08:00:00.000Z'); // Thursday, UTC+1
    expect(starts).toContain('2027-03-31T07:00:00.000Z'); // Wednesday, UTC+2
    expect(starts).toContain('2027-10-28T07:00:00.000Z'); // Thursday, UTC+2
    expect(starts).toContain('2027-11-03T08:00:00.000Z'); // Wednesday, UTC+1
  });

  it('leaves out holidays and the closure notice', () => {
    const on = (date: string) => starts.filter((s) => s.startsWith(date));
    expect(on('2027-01-06')).toEqual([]); // Epiphany, a Wednesday
    expect(on('2027-03-29')).toEqual([]); // Easter Monday 2027
    expect(on('2027-12-13')).toEqual([]); // Santa Lucia, a Monday
    expect(on('2027-01-14')).toEqual([]); // closure notice, Thursday
    expect(on('2027-01-18')).toEqual([]); // closure notice, Monday
    expect(on('2027-01-20')).toHaveLength(2);
  });

  it('covers two years, about 3 days × 2 periods × 52 weeks each, less the closed days', () => {
    expect(starts.at(0)).toBe('2026-11-26T08:00:00.000Z');
    expect(starts.at(-1)?.startsWith('2028-11-2')).toBe(true);
    expect(starts.length).toBeGreaterThan(2 * 2 * 3 * 50);
    expect(starts.length).toBeLessThan(2 * 2 * 3 * 53);
  });

  it('escapes text and folds long lines without splitting a character', () => {
    expect(escapeText('a, b; c\\d')).toBe('a\\, b\\; c\\\\d');
    const folded = foldLine(`SUMMARY:${'م'.repeat(60)}`);
    for (const line of folded.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'م'.repeat(60)}`);
  });
});

describe('a new timetable announced ahead (Tuesday mornings too, from Monday 1 February 2027)', () => {
  const tuesday = [{ opens: '09:00', closes: '13:00' }];
  const ics = openingHoursCalendar(
    { ...poloWeek, next: { from: '2027-02-01', weekly: { ...poloWeek.weekly, tuesday } } },
    {
      name: 'Polo',
      summary: 'Polo: aperto',
      url: 'https://example.org/it/orari/',
      from: '2026-11-26',
      until: '2027-11-26',
      now: new Date('2026-11-26T10:00:00Z'),
    },
  );
  const starts = occurrences(ics);

  it('has no Tuesday before the day it starts, and every Tuesday from then on', () => {
    expect(starts).not.toContain('2027-01-26T08:00:00.000Z');
    expect(starts).toContain('2027-02-02T08:00:00.000Z');
    expect(starts).toContain('2027-11-23T08:00:00.000Z');
    // Tuesday has no afternoon in the new timetable.
    expect(starts).not.toContain('2027-02-02T14:00:00.000Z');
  });

  it('keeps the other days once, before and after the change', () => {
    for (const monday of ['2027-01-25T08:00:00.000Z', '2027-02-01T08:00:00.000Z']) {
      expect(starts.filter((s) => s === monday)).toHaveLength(1);
    }
  });
});
