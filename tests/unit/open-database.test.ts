/**
 * Processes started together on a new database file (the sender and the jobs runner on a first
 * day, or two senders) all open it: switching the file to the write-ahead log at once made one
 * of them fail with SQLITE_BUSY (10 pairs of processes in 160, 8 December 2026).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/core/migrations';

const dir = mkdtempSync(join(tmpdir(), 'polo-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens `url` in a process of its own: what it printed on error, '' when it opened. */
function openInProcess(url: string) {
  return new Promise<string>((done) => {
    const child = spawn(process.execPath, [resolve('tests/fixtures/db/open.ts'), url]);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done(code === 0 ? '' : stderr || `exit ${code}`));
  });
}

describe('a new database file opened by processes at once', () => {
  it('opens in every one of them, 40 pairs in a row', { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    for (let pair = 0; pair < 40; pair++) {
      // Made as the tests make theirs: migrated, still in the rollback journal.
      const url = `file:${join(dir, `pair-${pair}.db`)}`;
      const db = createClient({ url });
      await migrate(db);
      db.close();
      const said = await Promise.all([openInProcess(url), openInProcess(url)]);
      failures.push(...said.filter(Boolean));
    }
    expect(failures).toEqual([]);
  });
});
