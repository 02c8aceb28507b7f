/**
 * Which timetables a recording of the hours page speaks: the revision of the weekly timetable
 * and the next one with its first day, the facts the page reads out. The build compares it with
 * a recording's `recordingOf` (the page says the recording is out of date), and the editor
 * stamps it when a recording is attached, so both read the timetables the same way here.
 */
import { textRevision } from './text-revision.ts';

interface Slot {
  opens?: unknown;
  closes?: unknown;
}
interface Day {
  day?: unknown;
  slots?: unknown;
}
/** The timetables as written in hours.yaml, or as the editor holds them. */
export interface Timetables {
  weekly?: unknown;
  next?: { from?: unknown; weekly?: unknown } | undefined;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A day as YYYY-MM-DD, however YAML read it (a string, or a Date at midnight UTC). */
const dayText = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : '';

/** A timetable as one line a day, e.g. 'monday 09:00-13:00 15:00-18:00': key order is no change. */
function weekText(weekly: unknown): string {
  return list(weekly)
    .map((item) => {
      const { day, slots } = (item ?? {}) as Day;
      const times = list(slots).map((slot) => {
        const { opens, closes } = (slot ?? {}) as Slot;
        return `${String(opens)}-${String(closes)}`;
      });
      return [String(day), ...times].join(' ');
    })
    .join('\n');
}

/**
 * The revision of the timetables, eight hex digits, e.g. hoursRevision({ weekly: [{ day:
 * 'monday', slots: [{ opens: '09:00', closes: '13:00' }] }] }) => '1f0c…'. A change of an hour,
 * a day or the next timetable is a new revision; the review date or the holidays are not.
 */
export function hoursRevision({ weekly, next }: Timetables): string {
  const upcoming = next ? `from ${dayText(next.from)}\n${weekText(next.weekly)}` : '';
  return textRevision({ title: 'hours', summary: weekText(weekly), body: upcoming });
}
