/**
 * Netlify's scheduled function: every 5 minutes it runs the jobs against the remote database,
 * fetching the notices from the site; with a local database or a wrong setting it does
 * nothing and says why in one line.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const runJobs = vi.fn(() =>
  Promise.resolve({
    settled: 1,
    mailed: 2,
    mailFailed: 0,
    purged: false,
    noticesSent: 3,
    noticesLeft: 0,
    receipts: 0,
  }),
);
const httpNoticeSource = vi.fn((siteUrl: string) => () => Promise.resolve(new Map([[siteUrl, 0]])));
const close = vi.fn();
vi.mock('../../src/server/jobs/run.ts', () => ({ runJobs, httpNoticeSource }));
// No remote database here: the connection is a stand-in.
vi.mock('../../src/server/core/db.ts', () => ({ openDatabase: () => Promise.resolve({ close }) }));

const { default: jobs, config } = await import('../../netlify/functions/jobs.mts');

const remote = {
  DATABASE_URL: 'libsql://polo.example.turso.io',
  DATABASE_AUTH_TOKEN: 'token',
  NEWSLETTER_SECRET: 'a'.repeat(40),
  SMTP_URL: 'smtp://127.0.0.1:2525',
  MAIL_FROM: 'Polo <newsletter@example.org>',
  URL: 'https://polo.netlify.app',
};
let logs: string[] = [];

beforeEach(() => {
  logs = [];
  const record = (...words: unknown[]) => void logs.push(words.join(' '));
  vi.spyOn(console, 'log').mockImplementation(record);
  vi.spyOn(console, 'error').mockImplementation(record);
  for (const name of ['DATABASE_URL', 'NEWSLETTER_SECRET', 'SMTP_URL', 'SITE_URL', 'URL']) {
    vi.stubEnv(name, '');
  }
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  runJobs.mockClear();
  httpNoticeSource.mockClear();
});
const withEnv = (env: Record<string, string>) => {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
};

describe('the scheduled jobs on Netlify', () => {
  it('run every 5 minutes', () => {
    expect(config.schedule).toBe('*/5 * * * *');
  });

  it('run within 20 s on the remote database, with the notices of the site Netlify names', async () => {
    withEnv(remote);
    await jobs();
    expect(runJobs).toHaveBeenCalledTimes(1);
    expect(runJobs.mock.calls[0]).toEqual([
      expect.objectContaining({ budgetMs: 20_000 }) as unknown,
    ]);
    expect(httpNoticeSource).toHaveBeenCalledWith('https://polo.netlify.app');
    expect(close).toHaveBeenCalled();
    expect(logs.join('\n')).toMatch(/^\[jobs\] done: .*"noticesSent":3/);
  });

  it('fetch the notices from SITE_URL when it is set', async () => {
    withEnv({ ...remote, SITE_URL: 'https://polo-siracusa.it/' });
    await jobs();
    expect(httpNoticeSource).toHaveBeenCalledWith('https://polo-siracusa.it');
  });

  it('do nothing on a local database file, and say so in one line', async () => {
    withEnv({ ...remote, DATABASE_URL: 'file:.data/newsletter.db' });
    await jobs();
    expect(runJobs).not.toHaveBeenCalled();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^\[jobs\] DATABASE_URL must be a remote libSQL database on Netlify/);
    withEnv({ DATABASE_URL: '' });
    await jobs();
    expect(runJobs).not.toHaveBeenCalled();
  });

  it('do nothing on a wrong setting, named in one line without its secret', async () => {
    withEnv({ ...remote, NEWSLETTER_SEND_RATE: 'fast', NEWSLETTER_SECRET: 'short-secret' });
    await jobs();
    expect(runJobs).not.toHaveBeenCalled();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^\[jobs\] settings: NEWSLETTER_SECRET is 12 characters long/);
    expect(logs[0]).not.toContain('short-secret');
  });
});
