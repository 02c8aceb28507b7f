/**
 * `npm run newsletter -- backup FILE` while 200 clients sign up at once, then `restore FILE`:
 * the copy is sound and holds every signup acknowledged before the backup started; a restore
 * is refused while the server has the database open.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, signup, startSite, type Site } from './harness';

describe('backup and restore of a local database', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(() => site?.stop());

  it('copies while 200 clients sign up, and restores only once the server is stopped', async () => {
    const file = join(site.env['DATA_DIR'] ?? '', '..', 'backup.db');
    const acknowledged = new Map<string, number>();
    let backupDone = false;
    let n = 0;
    // 200 clients, each signing up again and again until the backup is over.
    const client = async () => {
      do {
        const email = `person${n++}@example.org`;
        const response = await signup(site, { email });
        if (response.ok) acknowledged.set(email, Date.now());
      } while (!backupDone);
    };
    const clients = Array.from({ length: 200 }, client);
    while (acknowledged.size < 100) await new Promise((r) => setTimeout(r, 10));
    // Taken in the same turn as the backup starts: every signup acknowledged before it.
    const before = [...acknowledged.keys()];
    const backupStarted = Date.now();
    const backup = await cli(site, 'backup', file);
    backupDone = true;
    await Promise.all(clients);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Signups went on while it copied.
    expect([...acknowledged.values()].some((at) => at > backupStarted)).toBe(true);

    const refused = await cli(site, 'restore', file);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('stop it first');

    site.child.kill();
    await new Promise((r) => site.child.once('exit', r));
    site.db.close();
    const restored = await cli(site, 'restore', file);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);

    const db = createClient({ url: site.env['DATABASE_URL'] ?? '' });
    expect((await db.execute('PRAGMA integrity_check')).rows[0]?.[0]).toBe('ok');
    const stored = new Set(
      (
        await db.execute('SELECT email FROM subscribers UNION SELECT email FROM received_signups')
      ).rows.map((r) => r['email']),
    );
    db.close();
    expect(before.length).toBeGreaterThanOrEqual(100);
    expect(before.filter((email) => !stored.has(email))).toEqual([]);
  });
});
