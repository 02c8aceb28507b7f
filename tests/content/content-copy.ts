/**
 * Runs Astro on a copy of `content/` changed by a fixture: files in the fixture folder replace
 * or join the real ones, paths listed in its `REMOVE` file are deleted (if staff have not
 * already), folders listed in its
 * `CLEAR` file lose their files (so a count of notices does not depend on the real ones staff
 * publish), and lines named in its
 * `DROP` file (`<file> <start of the line>`) are taken out of the real files, so a fixture
 * stays right as the real content grows.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

const astroBin = resolve('node_modules/astro/bin/astro.mjs');

export interface AstroRun {
  ok: boolean;
  /** Everything Astro printed, colours removed. */
  output: string;
  /** The copy's folder; the build, if any, is in `{dir}/dist`. */
  dir: string;
}

/** A copy of `content/` in a folder of its own; returns the folder (the copy is `{dir}/content`). */
export function copyOfContent(): string {
  // Inside the project, so that a build there finds the project's node_modules.
  mkdirSync('.test-builds', { recursive: true });
  const dir = resolve(mkdtempSync(join('.test-builds', 'content-')));
  cpSync('content', join(dir, 'content'), { recursive: true });
  return dir;
}

export function withFixture(fixture: string): string {
  const dir = copyOfContent();
  const content = join(dir, 'content');
  const removeList = join(fixture, 'REMOVE');
  if (existsSync(removeList)) {
    for (const path of readFileSync(removeList, 'utf8').split('\n').filter(Boolean)) {
      // A folder too, e.g. `notices`, so a fixture can replace all of a collection.
      rmSync(join(content, path), { recursive: true, force: true });
    }
  }
  const clearList = join(fixture, 'CLEAR');
  if (existsSync(clearList)) {
    for (const folder of readFileSync(clearList, 'utf8').split('\n').filter(Boolean)) {
      for (const lang of readdirSync(join(content, folder))) {
        rmSync(join(content, folder, lang), { recursive: true });
        mkdirSync(join(content, folder, lang));
      }
    }
  }
  const dropList = join(fixture, 'DROP');
  if (existsSync(dropList)) {
    for (const line of readFileSync(dropList, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [file = '', start = ''] = line.split(' ');
      const path = join(content, file);
      const kept = readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => !l.startsWith(start));
      writeFileSync(path, kept.join('\n'));
    }
  }
  cpSync(fixture, content, {
    recursive: true,
    filter: (src) => !/(REMOVE|DROP|CLEAR)$/.test(src),
  });
  return dir;
}

/** `astro sync` (validates the content) or `astro build` on the copy in `dir`. */
export function runAstro(command: 'sync' | 'build', dir: string): AstroRun {
  const result = spawnSync(process.execPath, [astroBin, command], {
    encoding: 'utf8',
    env: {
      ...process.env,
      POLO_CONTENT_DIR: join(dir, 'content'),
      POLO_CACHE_DIR: join(dir, 'cache'),
      POLO_OUT_DIR: join(dir, 'dist'),
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
  });
  const output = `${result.stdout}${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  return { ok: result.status === 0, output, dir };
}
