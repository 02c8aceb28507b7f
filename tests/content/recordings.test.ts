/**
 * A recording staff attach must be a file the site can offer: the content check stops, naming
 * the entry, the field and what to do, at one that is missing, is not Opus or MP3, or is larger
 * than the limit; the fixture's own recordings pass.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAstro, withFixture } from './content-copy';
import { recordingLimit } from '../../src/loaders/recording-file';

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy with the fixture's recordings, changed by `spoil`, checked by `astro sync`. */
function sync(spoil: (recordings: string) => void) {
  const dir = withFixture('tests/fixtures/recording');
  copies.push(dir);
  spoil(join(dir, 'content', 'recordings'));
  return runAstro('sync', dir);
}

describe('recordings', () => {
  it('an Opus and an MP3 file within the limit pass', () => {
    const run = sync(() => undefined);
    expect(run.ok, run.output).toBe(true);
  });

  it.each([
    {
      case: 'a missing file',
      spoil: (folder: string) => rmSync(join(folder, 'prova-so.opus')),
      file: 'activities/so/sportello-prova.md',
      says: ['recording', 'prova-so.opus is not in content/recordings/', 'upload it again'],
    },
    {
      case: 'a file that is not audio',
      spoil: (folder: string) => writeFileSync(join(folder, 'prova-si.mp3'), 'not a recording\n'),
      file: 'activities/si/sportello-prova.md',
      says: ['recording', 'prova-si.mp3', 'neither Opus nor MP3'],
    },
    {
      case: 'a file over the limit',
      spoil: (folder: string) =>
        writeFileSync(join(folder, 'prova-so.opus'), Buffer.alloc(recordingLimit + 1, 'OggS')),
      file: 'activities/so/sportello-prova.md',
      says: [
        'recording',
        'prova-so.opus is 3073 KB, more than the limit of 3072 KB',
        '140 KB a minute',
      ],
    },
  ])('$case stops the check with a clear message', ({ spoil, file, says }) => {
    const run = sync(spoil);
    expect(run.ok, run.output).toBe(false);
    expect(run.output).toContain(file);
    for (const words of says) expect(run.output).toContain(words);
    expect(run.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
