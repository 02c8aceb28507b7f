/**
 * The closures a visitor should know about: holidays that fall on an opening day, and the
 * closure notices, from a given day on.
 */
import { nextDay } from '../calendar-days';
import { closedDayOn, slotsOn, type ScheduleData } from './schedule';

export type UpcomingClosure =
  | { kind: 'holiday'; date: string; /** Its place in the list of holidays. */ holiday: number }
  | { kind: 'closure'; from: string; to: string; reason: string };

/** Closures from `fromIso` on, for `days` days, in date order; notices still running included. */
export function upcomingClosures(
  data: ScheduleData,
  fromIso: string,
  days = 366,
): UpcomingClosure[] {
  const found: UpcomingClosure[] = data.closures
    .filter((c) => c.to >= fromIso)
    .map((c) => ({ kind: 'closure', from: c.from, to: c.to, reason: c.reason }));
  let iso = fromIso;
  for (let i = 0; i < days; i++, iso = nextDay(iso)) {
    const closed = closedDayOn(data, iso);
    // Only a holiday that takes away an opening day is worth a line.
    if (closed?.kind === 'holiday' && slotsOn(data, iso).length > 0) {
      found.push({ kind: 'holiday', date: iso, holiday: closed.holiday });
    }
  }
  const start = (c: UpcomingClosure) => (c.kind === 'holiday' ? c.date : c.from);
  return found.sort((a, b) => start(a).localeCompare(start(b)));
}
