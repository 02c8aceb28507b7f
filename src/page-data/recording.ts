/**
 * The recording staff attached to a page in a language, as the page offers it: its address,
 * playing time, size and whether the Italian words changed since it was attached. The loader
 * has already refused a missing file, another format or one too large
 * (src/loaders/recording-file.ts).
 */
import { readFileSync } from 'node:fs';
import { contentDir } from '../loaders/content-dir';
import { recordingFacts, recordingPath } from '../loaders/recording-file';
import { translationState } from '../lib/translation-state';
import { hoursRevision, type Timetables } from '../lib/hours-revision';

export { recordingFile } from '../loaders/recording-file';

/** The bytes and MIME type of a recording, e.g. ('/audio/lavoro-so.opus') => { type: 'audio/ogg; codecs=opus', … }. */
export const recordingBody = (url: string) => ({
  bytes: new Uint8Array(readFileSync(recordingPath(contentDir, url))),
  type: recordingFacts(contentDir, url).type,
});

export interface Recording {
  src: string;
  seconds: number;
  bytes: number;
  /** The Italian words changed since it was attached. */
  outdated: boolean;
}

interface RecordedEntry {
  data: {
    title: string;
    summary: string;
    recording?: string | undefined;
    recordingOf?: string | undefined;
  };
  body?: string | undefined;
}

/**
 * The recording of `item` in its language, or undefined when it has none, e.g. a Somali desk
 * page with `recording: /audio/lavoro-so.opus` => { src: '/audio/lavoro-so.opus', seconds: 184, … }.
 * None on a page that falls back to Italian: its recording would not be of the page's language.
 */
export function recordingOf(item: {
  entry: RecordedEntry;
  original: RecordedEntry;
  fallback: boolean;
}): Recording | undefined {
  const src = item.entry.data.recording;
  if (!src || item.fallback) return undefined;
  const { title, summary } = item.original.data;
  const state = translationState(item.entry.data.recordingOf, {
    title,
    summary,
    body: item.original.body,
  });
  return offered(src, state === 'outdated');
}

function offered(src: string, outdated: boolean): Recording {
  const { seconds, bytes } = recordingFacts(contentDir, src);
  return { src, seconds, bytes, outdated };
}

/** The hours page's recordings, as hours.yaml lists them under `polo:`. */
interface HoursFacts extends Timetables {
  recordings?: { lang: string; recording: string; recordingOf?: string | undefined }[] | undefined;
}

/**
 * The recording of the hours page in `lang`, or undefined, e.g. 'so' with `{ lang: so,
 * recording: /audio/orari-so.opus }` listed => { src: '/audio/orari-so.opus', … }. Out of date
 * once the timetables it was attached beside changed (untracked: not said to be).
 */
export function hoursRecordingOf(hours: HoursFacts, lang: string): Recording | undefined {
  const listed = hours.recordings?.find((item) => item.lang === lang);
  if (!listed) return undefined;
  const { recordingOf } = listed;
  return offered(
    listed.recording,
    recordingOf !== undefined && recordingOf !== hoursRevision(hours),
  );
}
