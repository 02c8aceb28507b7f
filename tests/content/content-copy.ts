/**
 * Runs Astro (a build, a sync or the dev server) on a copy of `content/` changed by a fixture:
 * files in the fixture folder replace or join the real ones, paths listed in its `REMOVE` file
 * are deleted (if staff have not already), folders listed in its `CLEAR` file lose their files
 * (so a count of notices does not depend on the real ones staff publish), and lines named in
 * its `DROP` file (`<file> <start of the line>`) are taken out of the real files, so a fixture
 * stays right as the real content grows.
 */
import { spawn, spawnSync } from 'node:child_process';
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

/**
 * Moves a fixture's dates in the copy's `files` (paths under its content/), e.g.
 * { '2099-12-01': '2026-12-10' }: the status line covers only the weeks after the build, so a
 * closure or timetable it must show falls there, whenever the test runs.
 */
export function moveDates(dir: string, files: string[], moves: Record<string, string>) {
  for (const file of files) {
    const path = join(dir, 'content', file);
    let text = readFileSync(path, 'utf8');
    for (const [from, to] of Object.entries(moves)) text = text.replaceAll(from, to);
    writeFileSync(path, text);
  }
}

/** The environment that points Astro at the copy in `dir`, its cache and its build. */
function copyEnv(dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    POLO_CONTENT_DIR: join(dir, 'content'),
    POLO_CACHE_DIR: join(dir, 'cache'),
    POLO_OUT_DIR: join(dir, 'dist'),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}

const withoutColours = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** `astro sync` (validates the content) or `astro build` on the copy in `dir`. */
export function runAstro(command: 'sync' | 'build', dir: string): AstroRun {
  const result = spawnSync(process.execPath, [astroBin, command], {
    encoding: 'utf8',
    env: copyEnv(dir),
  });
  const output = withoutColours(`${result.stdout}${result.stderr}`);
  return { ok: result.status === 0, output, dir };
}

export interface AstroDev {
  /** The server's address, e.g. 'http://127.0.0.1:4961'. */
  url: string;
  /** Everything it printed so far, colours removed. */
  output: () => string;
  stop(): Promise<void>;
}

/**
 * `astro dev` on the copy in `dir`, on `port`, as `npm run dev` runs it (`--ignore-lock`: a
 * developer's own may be running). Astro keeps a dev server's content store in the project's
 * `.astro/`, where two would read each other's: one test file at most starts one.
 */
export async function startAstroDev(dir: string, port: number): Promise<AstroDev> {
  const host = '127.0.0.1';
  const args = [astroBin, 'dev', '--ignore-lock', '--host', host, '--port', String(port)];
  // Without the variables Vitest sets: under VITEST, Astro leaves out its page handler.
  const vitest = /^(VITEST.*|TEST|NODE_ENV|MODE|DEV|PROD|SSR|SITE|BASE_URL|ASSETS_PREFIX)$/;
  const env = Object.entries(copyEnv(dir)).filter(([name]) => !vitest.test(name));
  const child = spawn(process.execPath, args, {
    env: Object.fromEntries(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://${host}:${port}`;
  for (let waited = 0; !withoutColours(output).includes(`${url}/`); waited += 100) {
    if (waited > 60_000 || child.exitCode !== null) {
      child.kill();
      throw new Error(`astro dev did not start on ${url}:\n${withoutColours(output)}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    url,
    output: () => withoutColours(output),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill();
      await new Promise((done) => child.once('exit', done));
    },
  };
}
