/**
 * Backups of a local database file, taken while the server runs, and restoring one while it
 * does not. A remote libSQL database is backed up by its provider, not here.
 */
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { text } from './db.ts';
import { migrations } from './migrations.ts';

/** A backup or restore that cannot be done as asked: one line saying what to do instead. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const remoteAdvice =
  'DATABASE_URL is a remote libSQL database: this command copies a local file only. Use the provider’s own backups (Turso: point-in-time restore, or turso db shell NAME .dump > backup.sql; a libSQL server: a copy of its data folder while stopped)';

/** The file of a `file:` address, e.g. 'file:.data/newsletter.db' => '/srv/polo/.data/newsletter.db'. */
function localFile(url: string): string {
  if (!url.startsWith('file:')) throw new BackupError(remoteAdvice);
  return resolve(url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length));
}

const open = (path: string): Client => createClient({ url: `file:${path}` });

/** Throws unless `path` is a sound database of this site, with no migration newer than this code. */
async function checkCopy(path: string): Promise<void> {
  const db = open(path);
  try {
    const integrity = (await db.execute('PRAGMA integrity_check')).rows.map((r) => text(r[0]));
    if (integrity[0] !== 'ok') {
      throw new BackupError(`${path} fails integrity_check (${integrity[0] ?? 'no answer'})`);
    }
    const known = new Set(migrations.map((m) => m.version));
    const versions = (await db.execute('SELECT version FROM schema_migrations')).rows.map((r) =>
      Number(r['version']),
    );
    const newer = versions.filter((v) => !known.has(v));
    if (newer.length > 0) {
      throw new BackupError(
        `${path} has migration ${newer.join(', ')}, newer than this code: restore it with the version of the site that made it`,
      );
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `${path} is not a backup of this site’s database (${(error as Error).message})`,
    );
  } finally {
    db.close();
  }
}

export interface Copied {
  file: string;
  bytes: number;
  ms: number;
}

/**
 * Copies the database at `url` to `file` (mode 600), consistent even while the server writes:
 * `VACUUM INTO` reads one snapshot. The copy is checked before it takes its name.
 */
export async function backupDatabase(url: string, file: string): Promise<Copied> {
  const source = localFile(url);
  if (!existsSync(source))
    throw new BackupError(`no database at ${source} yet: nothing to back up`);
  const target = resolve(file);
  if (existsSync(target)) throw new BackupError(`${file} exists already: name a new file`);
  const started = performance.now();
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  // Made empty first, with its mode: VACUUM INTO writes into an empty file and keeps its mode.
  closeSync(openSync(partial, 'wx', 0o600));
  chmodSync(partial, 0o600);
  const db = open(source);
  try {
    await db.execute('PRAGMA busy_timeout = 10000');
    await db.execute({ sql: 'VACUUM INTO ?', args: [partial] });
    db.close();
    await checkCopy(partial);
    renameSync(partial, target);
  } catch (error) {
    db.close();
    rmSync(partial, { force: true });
    throw error;
  }
  return { file: target, bytes: statSync(target).size, ms: performance.now() - started };
}

/**
 * Whether a process has the database open. A connection in WAL mode (every server and command
 * opens it so) keeps a shared lock on the file, so leaving WAL mode fails while one is open.
 */
async function inUse(path: string): Promise<boolean> {
  const db = open(path);
  try {
    await db.execute('PRAGMA busy_timeout = 0');
    const mode = (await db.execute('PRAGMA journal_mode = DELETE')).rows[0]?.[0];
    return text(mode).toLowerCase() !== 'delete';
  } catch (error) {
    if (/SQLITE_BUSY|locked/i.test((error as Error).message)) return true;
    throw error;
  } finally {
    db.close();
  }
}

export interface Restored extends Copied {
  /** Where the database it replaced was kept, if there was one. */
  kept?: string;
}

/**
 * Puts the backup `file` in place of the database at `url`, once it passes integrity_check,
 * and only when no process has the database open (`force` skips that check). The database it
 * replaces is kept beside it, renamed.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  { force = false } = {},
): Promise<Restored> {
  const target = localFile(url);
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupError(`no file ${file}`);
  const started = performance.now();
  await checkCopy(source);
  if (existsSync(target) && !force && (await inUse(target))) {
    throw new BackupError(
      `the database ${target} is open in a running server or command: stop it first (systemctl stop polo-siracusa), restore, then start it. --force restores anyway, and a server still running goes on with the database it had open until restarted: what it writes meanwhile is lost`,
    );
  }
  const incoming = `${target}.restoring`;
  rmSync(incoming, { force: true });
  copyFileSync(source, incoming);
  chmodSync(incoming, 0o600);
  let kept: string | undefined;
  if (existsSync(target)) {
    kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, kept);
    // A forced restore may leave the old database's journal: it goes with it.
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(target + suffix)) renameSync(target + suffix, kept + suffix);
    }
  }
  renameSync(incoming, target);
  return {
    file: target,
    bytes: statSync(target).size,
    ms: performance.now() - started,
    ...(kept ? { kept } : {}),
  };
}
