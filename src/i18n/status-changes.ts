/**
 * The status line worked out at build time for a span of days: every instant its text, state
 * or next change moves, with what the model (schedule.ts, status-text.ts) says then. The page
 * carries these and the browser looks them up (src/lib/hours/status-lookup.ts).
 */
import {
  hoursStatus,
  italianInstant,
  italianOffset,
  periodsOn,
  type ScheduleData,
} from '../lib/hours/schedule';
import type { StatusChanges } from '../lib/hours/status-lookup';
import { statusText, type StatusStrings } from './status-text';
import { nextDay } from '../lib/calendar-days';

const minute = 60_000;

/**
 * The changes from Italian midnight of `fromDay` for `days` days. The line can only move at
 * an Italian midnight ("tomorrow" becomes "today", a holiday or closure begins) or at an
 * opening or closing time, so the model is asked at each of those and kept where it differs.
 */
export function statusChanges(
  data: ScheduleData,
  strings: StatusStrings,
  fromDay: string,
  days: number,
): StatusChanges {
  const moments: number[] = [];
  let iso = fromDay;
  for (let i = 0; i < days; i++, iso = nextDay(iso)) {
    moments.push(italianInstant(iso, '00:00'), ...periodsOn(data, iso).flat());
  }
  const start = italianInstant(fromDay, '00:00');
  const end = italianInstant(iso, '00:00');
  const texts: string[] = [];
  const changes: number[] = [];
  let last = { at: start, key: '' };
  for (const now of [...new Set(moments)].sort((a, b) => a - b)) {
    if (now < start || now >= end) continue;
    const status = hoursStatus(data, now);
    const text = statusText(status, now, strings);
    const key = `${status.state} ${status.nextChange} ${text}`;
    if (key === last.key) continue;
    if (!texts.includes(text)) texts.push(text);
    const next = status.nextChange;
    changes.push(
      (now - last.at) / minute,
      texts.indexOf(text),
      status.state === 'open' ? 1 : 0,
      next === undefined ? 0 : (next - now) / minute,
      next === undefined ? 0 : italianOffset(next) / 60,
    );
    last = { at: now, key };
  }
  return { t: texts, s: start / minute, n: (end - start) / minute, c: changes };
}

/** The longest text of the changes: the room the line reserves, so writing it moves nothing. */
export function longestText(changes: StatusChanges): string {
  return changes.t.reduce((longest, text) => (text.length > longest.length ? text : longest), '');
}
