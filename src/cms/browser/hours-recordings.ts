/**
 * What a save records beside the hours page's recordings (`recordings:` in hours.yaml): one
 * attached or replaced now names the timetables it speaks (`recordingOf`, the revision of
 * src/lib/hours-revision.ts), so that the page shows it out of date once they change; one the
 * save leaves alone keeps its revision. The same rule as a page's recording (translation-records.ts).
 */
import { stringify } from 'yaml';
import { hoursRevision, type Timetables } from '../../lib/hours-revision';
import { contentCollections } from '../../schemas/collections';
import { meaningOf } from './content-file';

/** The file the hours page is made from, as Decap names it. */
export const hoursFile = `content/${contentCollections.hours.path}`;

type Listed = { lang?: unknown; recording?: unknown; recordingOf?: unknown };
type Entry = Timetables & { recordings?: unknown };

const objectOr = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
const listed = (entry: unknown): Listed[] => {
  const items = objectOr(entry)['recordings'];
  return Array.isArray(items) ? (items as Listed[]) : [];
};

/** An entry's recordings after the save: each stamped unless its file is the one it had. */
function stamped(entry: Entry, before: unknown): Listed[] {
  return listed(entry).map((item) => {
    if (typeof item.recording !== 'string' || item.recording === '') return item;
    const then = listed(before).find((old) => old.lang === item.lang);
    if (then?.recording === item.recording && typeof then.recordingOf === 'string') {
      return { ...item, recordingOf: then.recordingOf };
    }
    return { ...item, recordingOf: hoursRevision(entry) };
  });
}

/**
 * The hours file Decap is about to write (`raw`) with each entry's recordings stamped, given the
 * file as it is (`before`, undefined if none); `raw` itself when nothing is to stamp or it does
 * not parse (the save then goes as Decap wrote it).
 */
export function withHoursRecordings(raw: string, before: string | undefined): string {
  let now: Record<string, unknown>;
  let then: Record<string, unknown> = {};
  try {
    now = meaningOf(raw, 'yaml').data;
    if (before !== undefined) then = meaningOf(before, 'yaml').data;
  } catch {
    return raw;
  }
  const keys = Object.keys(now).filter((key) => listed(now[key]).length > 0);
  if (keys.length === 0) return raw;
  const data = { ...now };
  for (const key of keys) {
    const entry = objectOr(now[key]);
    data[key] = { ...entry, recordings: stamped(entry, then[key]) };
  }
  return stringify(data);
}
