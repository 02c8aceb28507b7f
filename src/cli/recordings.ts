/**
 * The recordings under `content/` made before the Italian they speak last changed, read from
 * the files as written (no build): a page's recording (`recording:` beside `recordingOf:` in an
 * entry) and the hours page's (`recordings:` in hours.yaml). The comparisons are the build's
 * own (src/lib/translation-state.ts, src/lib/hours-revision.ts), so the list and the pages agree.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { hoursRevision, type Timetables } from '../lib/hours-revision.ts';
import { localeCodes } from '../lib/locales.ts';
import { translationState } from '../lib/translation-state.ts';
import { contentCollections } from '../schemas/collections.ts';
import { columns, languageFiles } from './translations.ts';

/** An outdated recording, e.g. { lang: 'so', collection: 'hours', file: 'content/hours.yaml', … }. */
export interface OutdatedRecording {
  lang: string;
  collection: string;
  /** The file that names it, as the operator's shell names it. */
  file: string;
  /** Its address, e.g. '/audio/orari-so.opus'. */
  recording: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The entries' recordings whose Italian words changed since they were attached. */
function outdatedOfEntries(contentDir: string, from: string): OutdatedRecording[] {
  return [...languageFiles(contentDir, localeCodes)].flatMap(
    ({ lang, collection, path, fields, italian }) => {
      const recording = text(fields['recording']);
      if (!recording) return [];
      if (translationState(text(fields['recordingOf']), italian) !== 'outdated') return [];
      return [{ lang, collection, file: relative(from, path), recording }];
    },
  );
}

/** The hours page's recordings whose timetables changed since they were attached. */
function outdatedOfHours(contentDir: string, from: string): OutdatedRecording[] {
  const path = join(contentDir, contentCollections.hours.path);
  if (!existsSync(path)) return [];
  const entries = (parse(readFileSync(path, 'utf8')) ?? {}) as Record<string, unknown>;
  return Object.values(entries).flatMap((value) => {
    const entry = (value ?? {}) as Timetables & { recordings?: unknown };
    const listed = Array.isArray(entry.recordings) ? (entry.recordings as unknown[]) : [];
    return listed.flatMap((item) => {
      const { lang, recording, recordingOf } = (item ?? {}) as Record<string, unknown>;
      const of = text(recordingOf);
      if (!text(recording) || of === undefined || of === hoursRevision(entry)) return [];
      return [
        {
          lang: String(lang),
          collection: 'hours',
          file: relative(from, path),
          recording: String(recording),
        },
      ];
    });
  });
}

/** Every outdated recording in `contentDir`: the entries' by language, then the hours page's. */
export function readOutdatedRecordings(
  contentDir: string,
  from = process.cwd(),
): OutdatedRecording[] {
  return [...outdatedOfEntries(contentDir, from), ...outdatedOfHours(contentDir, from)];
}

/**
 * What `npm run content -- translations` prints about recordings, e.g.
 *   Outdated recordings (the Italian changed after they were recorded): 1
 *     so  hours  content/hours.yaml  /audio/orari-so.opus
 */
export function recordingsReport(recordings: readonly OutdatedRecording[]): string {
  if (recordings.length === 0) {
    return 'No outdated recordings: each tracked one speaks the Italian as it is.';
  }
  const rows = recordings.map((r) => [r.lang, r.collection, r.file, r.recording]);
  return [
    `Outdated recordings (the Italian changed after they were recorded): ${recordings.length}`,
    ...columns(rows).map((line) => `  ${line}`),
    'Record each again from the page as it is now, and replace the file in the editor.',
  ].join('\n');
}
