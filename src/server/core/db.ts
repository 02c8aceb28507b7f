/** The newsletter database (libSQL): a local file by default, a libsql:// server in production. */
import { chmodSync, closeSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client, type Value } from '@libsql/client';
import { ownerOnlyFolder } from './settings.ts';
import { migrate } from './migrations.ts';

export type Database = Client;

/**
 * A TEXT column's value, e.g. text(row['lang']) => 'ar'; SQL NULL (or a missing column) => ''.
 * libSQL types every value as string, number, bigint, blob or null: a blob here is a bug.
 */
export function text(value: Value | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof ArrayBuffer) throw new TypeError('expected text, got a blob');
  return String(value);
}

/**
 * Turns on the write-ahead log (once written, it stays). Two processes switching a new file at
 * once can each hold a read lock and want the other's: SQLite answers SQLITE_BUSY at once
 * rather than wait for ever (the busy timeout does not apply), so the loser tries again.
 */
async function switchToWriteAheadLog(db: Database): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.execute('PRAGMA journal_mode = WAL');
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code === 'SQLITE_BUSY';
      if (!busy || attempt === 20) throw error;
      await new Promise((wait) => setTimeout(wait, 25 * attempt));
    }
  }
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  if (url.startsWith('file:')) {
    const path = url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
    // Addresses are personal data: the folder and the file are the owner's only. SQLite
    // gives the WAL and shared-memory files the mode of the database file.
    ownerOnlyFolder(dirname(path));
    closeSync(openSync(path, 'a', 0o600));
    chmodSync(path, 0o600);
  }
  const db = createClient({ url, ...(authToken ? { authToken } : {}) });
  if (url.startsWith('file:')) {
    // Concurrent signups wait for each other instead of failing.
    await db.execute('PRAGMA busy_timeout = 10000');
    await switchToWriteAheadLog(db);
  }
  await migrate(db);
  return db;
}
