/**
 * The file of a recording staff attached to a page (`recording: /audio/lavoro-so.opus`), read
 * when the content is loaded: it must be in content/recordings/, be Ogg Opus or MP3, and weigh
 * at most `recordingLimit`. Its facts (type, playing time) come from its bytes.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { audioFacts, type AudioFacts } from '../lib/audio-duration';

/** The folder of the recordings in the content, e.g. content/recordings/lavoro-so.opus. */
export const recordingsFolder = 'recordings';

/**
 * The largest recording, in bytes: about 20 minutes of speech at 16 kbps Opus (140 KB a
 * minute), 6 minutes of 64 kbps MP3; a reader on prepaid data pays for every byte.
 */
export const recordingLimit = 3 * 1024 * 1024;

/** The file name of a recording's address, e.g. '/audio/lavoro-so.opus' => 'lavoro-so.opus'. */
export const recordingFile = (url: string) => url.replace(/^\/audio\//, '');

/** Where a recording's file is in the content folder `content`. */
export const recordingPath = (content: string, url: string) =>
  join(content, recordingsFolder, recordingFile(url));

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/**
 * The facts of the recording `url` in the content folder `content`, e.g. =>
 * { format: 'opus', type: 'audio/ogg; codecs=opus', seconds: 184, bytes: 25_811 }; throws,
 * with what to do, for a missing file, another format or one too large.
 */
export function recordingFacts(content: string, url: string): AudioFacts & { bytes: number } {
  const path = recordingPath(content, url);
  const size = statSync(path, { throwIfNoEntry: false });
  if (!size?.isFile()) {
    throw new Error(
      `the file ${recordingFile(url)} is not in content/${recordingsFolder}/: upload it again in the editor, or take the recording out`,
    );
  }
  if (size.size > recordingLimit) {
    throw new Error(
      `${recordingFile(url)} is ${kb(size.size)}, more than the limit of ${kb(recordingLimit)}: record at a lower quality (Opus at 16 kbps is about 140 KB a minute) or split the text`,
    );
  }
  try {
    return { ...audioFacts(readFileSync(path)), bytes: size.size };
  } catch (error) {
    throw new Error(`${recordingFile(url)}: ${(error as Error).message}`, { cause: error });
  }
}
