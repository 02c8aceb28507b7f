/**
 * The build `npm start` serves, and the daily rebuild that keeps its time-dependent parts
 * (next opening, upcoming closures, the notices) current. Pages are built once; a new build is
 * written to a folder of its own, `.builds/<time>-<pid>/`, then the server switches to it in
 * one step: a request reads the build in use when it arrives, so none sees half a site. A
 * failed build leaves the last good one served and logs one line (the build's own message,
 * which names the content file and line). Started from `dist/`, as `npm run build` left it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dailyTimes } from '../../lib/daily-time.ts';
import { checkSettings, readEnv, rebuildEnv } from '../../settings/settings.ts';
import { parseHeadersFile, type HeaderRule } from './headers-file.ts';

type Handler = (req: unknown, res: unknown) => Promise<void>;

export interface Build {
  /** The build's folder: dist/ or .builds/<time>-<pid>/. */
  dir: string;
  /** Its static files and its on-demand routes. */
  client: string;
  server: string;
  /** The headers of its `_headers`. */
  rules: HeaderRule[];
  /** Astro's handler; taken from an earlier build whose server part is the same. */
  handler: Handler;
  /** The folder `handler` was imported from: kept while it is in use. */
  handlerDir: string;
  /** What the server part holds, its own folder's name left out. */
  serverDigest: string;
}

const project = resolve(import.meta.dirname, '../../..');
/** Where rebuilds go: inside the project, so that their server part finds node_modules. */
export const buildsDir = join(project, '.builds');
const astroBin = join(project, 'node_modules/astro/bin/astro.mjs');
const cacheDir = join(buildsDir, `cache-${process.pid}`);
/** A build that takes longer has hung: it is stopped and counts as failed. */
const buildTimeoutMs = 15 * 60_000;

let current: Build | undefined;
let previous: Build | undefined;

/** The build being served: its static files and its server part (the notices are in client). */
export function currentBuild(): { client: string; server: string } {
  const { client, server } = served();
  return { client, server };
}

/** The build being served, whole: read once per request. */
export function served(): Build {
  if (!current) throw new Error('no build loaded: call startBuilds() first');
  return current;
}

/** Files of `dir` under `root`, depth first, as relative paths in a fixed order. */
function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(root, path) : [relative(root, path)];
    });
}

/**
 * A digest of a build's server part with what differs between two builds of the same site
 * taken out: its folder's path (Astro writes it in), the hashes in its chunks' names (they
 * hash that path too) and its random key. A rebuild of unchanged content then reuses the handler in memory: a
 * module once imported stays for the life of the process, and a daily import would grow it.
 */
export function serverDigest(dir: string): string {
  const hash = createHash('sha256');
  const server = join(dir, 'server');
  const chunkHash = /_[\w-]{8}\.mjs/g;
  for (const file of filesUnder(server)) {
    const text = readFileSync(join(server, file), 'utf8')
      .replaceAll(pathToFileURL(dir).href, '')
      .replaceAll(dir, '')
      .replace(chunkHash, '.mjs')
      // A key Astro draws anew each build, for server islands the site has none of.
      .replace(/"key":"[^"]*"/g, '');
    hash.update(`${file.replace(chunkHash, '.mjs')}\0${text}\0`);
  }
  return hash.digest('hex');
}

/** Reads a build in `dir`, importing its handler unless `reuse` has the same server part. */
async function loadBuild(dir: string, reuse?: Build): Promise<Build> {
  const client = join(dir, 'client');
  const server = join(dir, 'server');
  const rules = parseHeadersFile(readFileSync(join(client, '_headers'), 'utf8'));
  const digest = serverDigest(dir);
  if (reuse && reuse.serverDigest === digest) {
    return { ...reuse, dir, client, server, rules };
  }
  const { handler } = (await import(pathToFileURL(join(server, 'entry.mjs')).href)) as {
    handler: Handler;
  };
  return { dir, client, server, rules, handler, handlerDir: dir, serverDigest: digest };
}

let timer: NodeJS.Timeout | undefined;
let building: ChildProcess | undefined;
/** From the start of a build to the switch. */
let rebuilding = false;
/** A rebuild asked for while one runs: done once it ends (the content may have changed). */
let again = false;
let stopped = false;

/** The time a build was made: when its server entry was written. */
const builtAt = (dir: string) => statSync(join(dir, 'server/entry.mjs')).mtimeMs;

/** The time in a log line, e.g. '2026-03-29 04:00 UTC'. */
const when = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The build's own words for its failure: what it printed last, without its timed log lines. */
export function failureLine(output: string): string {
  const lines = output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const lastLogged = lines.findLastIndex((line) => /^\d\d:\d\d:\d\d /.test(line));
  // A stack trace says nothing to staff.
  const told = lines.slice(lastLogged + 1).filter((line) => !/^(at |Stack trace)/.test(line));
  const text = (told.length > 0 ? told : [lines[lastLogged] ?? '']).join(' ');
  return text.length > 400 ? `${text.slice(0, 400)}…` : text || 'no message';
}

/** Runs `astro build` into `dir`; resolves with its failure line, or undefined when it built. */
function build(dir: string): Promise<string | undefined> {
  // One cache for this server's builds: Astro writes its path into them (sessions' folder).
  const env = { ...rebuildEnv(dir, cacheDir), NO_COLOR: '1', FORCE_COLOR: '0' };
  return new Promise((done) => {
    let output = '';
    const child = spawn(process.execPath, [astroBin, 'build'], {
      cwd: project,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    building = child;
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const hung = setTimeout(() => child.kill(), buildTimeoutMs);
    child.on('error', (error) => keep(Buffer.from(`\n${error.message}\n`)));
    child.on('close', (code, signal) => {
      clearTimeout(hung);
      building = undefined;
      if (code === 0) return done(undefined);
      done(signal ? `stopped (${signal}) after: ${failureLine(output)}` : failureLine(output));
    });
  });
}

/**
 * Builds the site into a new folder and serves it; on failure keeps serving the last good
 * build and logs one line. Resolves when done; a call while a rebuild runs asks for one more.
 */
export async function rebuild(): Promise<void> {
  if (rebuilding || stopped) {
    again = !stopped;
    return;
  }
  rebuilding = true;
  try {
    await buildAndSwitch();
  } finally {
    rebuilding = false;
  }
  if (again) {
    again = false;
    await rebuild();
  }
}

async function buildAndSwitch() {
  const startedAt = Date.now();
  const stamp = new Date(startedAt).toISOString().replace(/[:.]/g, '-');
  const dir = join(buildsDir, `${stamp}-${process.pid}`);
  const failed = (why: string) => {
    rmSync(dir, { recursive: true, force: true });
    const last = when(builtAt(served().dir));
    console.error(`[rebuild] failed, still serving the build of ${last}: ${why}`);
  };
  console.info('[rebuild] building the site');
  const failure = await build(dir);
  if (stopped) return rmSync(dir, { recursive: true, force: true });
  if (failure !== undefined) return failed(failure);
  let next: Build;
  try {
    next = await loadBuild(dir, current);
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
  previous = current;
  current = next;
  console.info(
    `[rebuild] serving the new build (${Math.round((Date.now() - startedAt) / 1000)} s)`,
  );
  removeOldBuilds();
}

/**
 * Removes this server's builds but the one served, the one before it (requests that began
 * there may still be reading it) and the one whose handler is in use; and the builds of
 * servers no longer running.
 */
function removeOldBuilds() {
  const keep = new Set([current?.dir, previous?.dir, current?.handlerDir]);
  if (!existsSync(buildsDir)) return;
  for (const name of readdirSync(buildsDir)) {
    const pid = Number(/-(\d+)$/.exec(name)?.[1]);
    const dir = join(buildsDir, name);
    const mine = pid === process.pid;
    if (mine ? keep.has(dir) || dir === cacheDir : running(pid)) continue;
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      // Served as it is all the same: the disk only fills more slowly.
      console.warn(`[rebuild] could not remove the old build ${name}: ${String(error)}`);
    }
  }
}

/** Whether a process of that id runs (a server that left its builds behind does not). */
function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits for the next REBUILD_AT, rebuilds, and again. */
function schedule(at: string) {
  const wait = dailyTimes(Date.now(), at).next - Date.now();
  timer = setTimeout(() => {
    void rebuild().finally(() => {
      if (!stopped) schedule(at);
    });
  }, wait);
  timer.unref();
}

/**
 * Loads `dist/` (POLO_OUT_DIR; its absence stops the server, as before), removes builds left by servers no
 * longer running, then rebuilds daily at REBUILD_AT (Italian time), at once if `dist/` was
 * built before the last such time, and on SIGHUP.
 */
export async function startBuilds(): Promise<void> {
  const settings = checkSettings(readEnv('server'));
  current = await loadBuild(resolve(project, settings.POLO_OUT_DIR));
  removeOldBuilds();
  const at = settings.REBUILD_AT;
  if (at !== 'off') {
    if (builtAt(current.dir) < dailyTimes(Date.now(), at).previous) void rebuild();
    schedule(at);
  }
  process.on('SIGHUP', () => void rebuild());
}

/** On shutdown: no more rebuilds, and one under way is stopped (its folder goes with it). */
export function stopBuilds(): void {
  stopped = true;
  clearTimeout(timer);
  building?.kill();
}
