/**
 * When `npm start` rebuilds the pages: at a time of day on the Italian clock, whatever the
 * machine's zone, across the changes to and from summer time; and what a failed build logs.
 */
import { describe, expect, it } from 'vitest';
import { dailyTimes } from '../../src/lib/daily-time';
import { failureLine } from '../../src/server/http/builds';
import { checkSettings, SettingsError } from '../../src/settings/settings';

const at = (iso: string) => Date.parse(iso);
const times = (now: string, hhmm: string) => {
  const { previous, next } = dailyTimes(at(now), hhmm);
  return { previous: new Date(previous).toISOString(), next: new Date(next).toISOString() };
};

describe('the daily rebuild time', () => {
  it('is 04:00 in Italy: 03:00 UTC in winter', () => {
    expect(times('2026-01-15T12:00:00Z', '04:00')).toEqual({
      previous: '2026-01-15T03:00:00.000Z',
      next: '2026-01-16T03:00:00.000Z',
    });
    // Before 04:00 in Italy, today's is still to come.
    expect(times('2026-01-15T02:59:00Z', '04:00')).toEqual({
      previous: '2026-01-14T03:00:00.000Z',
      next: '2026-01-15T03:00:00.000Z',
    });
  });

  it('follows the clocks on the nights they change', () => {
    // Summer time starts on 29 March 2026: 04:00 is then 02:00 UTC.
    expect(times('2026-03-28T12:00:00Z', '04:00')).toEqual({
      previous: '2026-03-28T03:00:00.000Z',
      next: '2026-03-29T02:00:00.000Z',
    });
    // It ends on 25 October 2026: 04:00 is 03:00 UTC again.
    expect(times('2026-10-24T12:00:00Z', '04:00')).toEqual({
      previous: '2026-10-24T02:00:00.000Z',
      next: '2026-10-25T03:00:00.000Z',
    });
  });

  it('counts days on the Italian calendar, not UTC’s', () => {
    // 01:30 on 2 July in Italy, still 1 July in UTC.
    expect(times('2026-07-01T23:30:00Z', '04:00').next).toBe('2026-07-02T02:00:00.000Z');
  });

  it('takes a time the clocks skip an hour later, and is next tomorrow once reached', () => {
    // 02:30 does not exist on 29 March 2026: 03:30 summer time.
    expect(times('2026-03-28T12:00:00Z', '02:30').next).toBe('2026-03-29T01:30:00.000Z');
    expect(times('2026-01-15T03:00:00Z', '04:00')).toEqual({
      previous: '2026-01-15T03:00:00.000Z',
      next: '2026-01-16T03:00:00.000Z',
    });
  });
});

describe('REBUILD_AT', () => {
  it('is 04:00 unless set, takes HH:MM or off, and names a mistake in one line', () => {
    expect(checkSettings({}).REBUILD_AT).toBe('04:00');
    expect(checkSettings({ REBUILD_AT: 'off' }).REBUILD_AT).toBe('off');
    expect(checkSettings({ REBUILD_AT: '23:59' }).REBUILD_AT).toBe('23:59');
    expect(() => checkSettings({ REBUILD_AT: '4' })).toThrow(SettingsError);
    expect(() => checkSettings({ REBUILD_AT: '24:00' })).toThrow(
      'REBUILD_AT must be a time HH:MM (Italian time) or off, e.g. REBUILD_AT=04:00, not "24:00"',
    );
  });
});

describe('a failed build', () => {
  it('is told by the build’s own message: the file, the line and what is wrong', () => {
    const output = [
      '06:41:13 [WARN] [config] Shiki syntax highlighting uses inline styles',
      '06:41:14 [content] Syncing content',
      'content/notices/it/chiusura.md:',
      '  line 9 (closure › to): the closure ends (to) before it starts (from)',
      '',
    ].join('\n');
    expect(failureLine(output)).toBe(
      'content/notices/it/chiusura.md: line 9 (closure › to): the closure ends (to) before it starts (from)',
    );
    expect(failureLine('06:41:14 [ERROR] Cannot find module x\n')).toBe(
      '06:41:14 [ERROR] Cannot find module x',
    );
  });
});
