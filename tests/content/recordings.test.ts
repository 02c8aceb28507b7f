/**
 * A recording staff attach must be a file the site can offer: the content check stops, naming
 * the entry, the field and what to do, at one that is missing, is not Opus or MP3, or is larger
 * than the limit; the fixture's own recordings pass. The hours page's recordings, listed in
 * hours.yaml, are held to the same rules, one per language; `npm run content -- translations`
 * lists every recording made before the Italian it speaks changed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/** A copy of the fixture whose hours page lists `recordings` (YAML lines), with `files` added. */
function syncHours(recordings: string, files: Record<string, string | Buffer> = {}) {
  return sync((folder) => {
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(folder, name), bytes);
    const hours = join(folder, '..', 'hours.yaml');
    const text = readFileSync(hours, 'utf8');
    writeFileSync(
      hours,
      `${text.slice(0, text.indexOf('  recordings:'))}  recordings:\n${recordings}`,
    );
  });
}

const listed = (lang: string, file: string) =>
  `    - lang: ${lang}\n      recording: /audio/${file}\n`;

describe('the hours page’s recordings', () => {
  it.each([
    {
      case: 'a missing file',
      recordings: listed('so', 'altro-so.opus'),
      says: ['line 15 (recordings, so): recording', 'altro-so.opus is not in content/recordings/'],
    },
    {
      case: 'a file that is not audio',
      recordings: listed('ta', 'altro-ta.mp3'),
      files: { 'altro-ta.mp3': 'not a recording\n' },
      says: ['(recordings, ta): recording', 'altro-ta.mp3', 'neither Opus nor MP3'],
    },
    {
      case: 'a file over the limit',
      recordings: listed('so', 'altro-so.opus'),
      files: { 'altro-so.opus': Buffer.alloc(recordingLimit + 1, 'OggS') },
      says: ['(recordings, so): recording', 'more than the limit of 3072 KB'],
    },
    {
      case: 'an unknown language',
      recordings: listed('de', 'prova-so.opus'),
      says: ['lang', 'lang must be one of the site', 'it, en, fr, ar, si, ta, so'],
    },
    {
      case: 'two for one language',
      recordings: listed('so', 'prova-so.opus') + listed('so', 'prova-si.mp3'),
      says: ['lang', 'a second recording in so: keep one per language'],
    },
  ])('$case stops the check, naming hours.yaml and the field', ({ recordings, files, says }) => {
    const run = syncHours(recordings, files);
    expect(run.ok, run.output).toBe(false);
    expect(run.output).toContain('hours.yaml');
    for (const words of says) expect(run.output).toContain(words);
    expect(run.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});

describe('npm run content -- translations', () => {
  const list = (dir: string) => {
    const run = spawnSync(process.execPath, [resolve('src/cli/content.ts'), 'translations'], {
      encoding: 'utf8',
      env: { ...process.env, POLO_CONTENT_DIR: join(dir, 'content') },
    });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout.split('\n');
  };
  const row = (lines: string[], pattern: RegExp) => lines.find((line) => pattern.test(line));

  it('lists the outdated recordings, an entry’s and the hours page’s, and none that is current', () => {
    const dir = withFixture('tests/fixtures/recording');
    copies.push(dir);
    let lines = list(dir);
    const heading = lines.findIndex((line) => line.startsWith('Outdated recordings'));
    expect(heading, lines.join('\n')).toBeGreaterThan(0);
    expect(row(lines, /^\s+si\s+activities\s.*activities\/si\/sportello-prova\.md/)).toBeDefined();
    expect(row(lines, /^\s+si\s+hours\s.*hours\.yaml\s+\/audio\/orari-si\.mp3/)).toBeDefined();
    expect(row(lines, /^\s+so\s/)).toBeUndefined();

    // Monday's hours change: the Somali recording of the hours page no longer says them.
    const hours = join(dir, 'content', 'hours.yaml');
    writeFileSync(hours, readFileSync(hours, 'utf8').replace("closes: '13:00'", "closes: '14:00'"));
    lines = list(dir);
    expect(row(lines, /^\s+so\s+hours\s.*\/audio\/orari-so\.opus/)).toBeDefined();
    expect(row(lines, /^\s+so\s+activities\s/)).toBeUndefined();
  });
});
