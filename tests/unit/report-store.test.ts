/** Reports in a database of their own: stored with their mail, purged with it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/server/core/db';
import { dayMs } from '../../src/lib/calendar-days';
import {
  listReports,
  purgeReports,
  reportRetention,
  saveReport,
} from '../../src/server/reports/store';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'polo-reports-'));
  db = await openDatabase(`file:${join(dir, 'test.db')}`);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const mail = (id: number) => ({
  to: 'staff@example.org',
  subject: `n. ${id}`,
  text: 'report',
  html: '<p>report</p>',
  lang: 'it',
});
const queued = async () =>
  Number((await db.execute('SELECT COUNT(*) AS n FROM outbox')).rows[0]?.['n']);

describe('reports in the database', () => {
  it('stores a report with its mail, or without one when nobody is to be mailed', async () => {
    const now = Date.parse('2026-11-27T09:00:00Z');
    const first = await saveReport(db, { text: 'a', lang: 'it', page: '/it/' }, mail, now);
    const second = await saveReport(
      db,
      { text: 'b', lang: 'ar', email: 'x@example.org' },
      undefined,
      now,
    );
    expect(second).toBeGreaterThan(first);
    expect(await queued()).toBe(1);
    expect(await listReports(db)).toEqual([
      {
        id: first,
        createdAt: '2026-11-27T09:00:00.000Z',
        lang: 'it',
        page: '/it/',
        email: '',
        text: 'a',
      },
      {
        id: second,
        createdAt: '2026-11-27T09:00:00.000Z',
        lang: 'ar',
        page: '',
        email: 'x@example.org',
        text: 'b',
      },
    ]);
  });

  it('deletes a report by number with its queued mail, and only it', async () => {
    const gone = await saveReport(db, { text: 'a', lang: 'it' }, mail);
    const kept = await saveReport(db, { text: 'b', lang: 'it' }, mail);
    expect(await purgeReports(db, { ids: [gone, 999] })).toBe(1);
    expect((await listReports(db)).map((r) => r.id)).toEqual([kept]);
    expect(await queued()).toBe(1);
    expect(await purgeReports(db, { ids: [] })).toBe(0);
  });

  it('deletes reports past their retention, not the younger ones', async () => {
    const now = Date.parse('2026-11-27T09:00:00Z');
    await saveReport(db, { text: 'old', lang: 'it' }, mail, now - reportRetention - dayMs);
    await saveReport(db, { text: 'young', lang: 'it' }, undefined, now - reportRetention + dayMs);
    expect(await purgeReports(db, { olderThanMs: reportRetention }, now)).toBe(1);
    expect((await listReports(db)).map((r) => r.text)).toEqual(['young']);
    expect(await queued()).toBe(0);
  });
});
