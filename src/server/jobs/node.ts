/**
 * The jobs on the Node server (`npm start`): `runJobs` every JOBS_INTERVAL_SECONDS, the first
 * soon after start, never two at once (the next is timed from the end of the last), with the
 * notices of the build being served. A slice that stopped with notices left is followed at
 * once by the next, so a long list goes out without waiting for the interval.
 */
import type { Database } from '../core/db.ts';
import { openDatabase } from '../core/db.ts';
import type { ServerSettings } from '../core/settings.ts';
import { senderFor } from '../mail/transport.ts';
import { filesNoticeSource, runJobs } from './run.ts';

/** A slice on Node: long enough for thousands of mails, short enough for a line a minute. */
const budgetMs = 60_000;
/** The first run, after the server has started listening. */
const firstRunMs = 1_000;

export interface JobsTimer {
  /** No run starts after this; a run underway stops after its mail in flight. */
  stop(): void;
}

/**
 * Starts the timer; `intervalSeconds` 0: nothing runs. `settings` is called at the first run
 * (it may make the local secret), `clientDir` at each (the served build may change).
 */
export function startJobs(options: {
  intervalSeconds: number;
  settings: () => ServerSettings;
  clientDir: () => string;
}): JobsTimer {
  const interval = options.intervalSeconds * 1000;
  if (interval <= 0) return { stop() {} };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let config: ServerSettings | undefined;
  let database: Promise<Database> | undefined;
  const notices = filesNoticeSource(options.clientDir);

  const schedule = (ms: number) => {
    if (!stopped) timer = setTimeout(() => void tick(), ms);
  };

  async function tick(): Promise<void> {
    let next = interval;
    try {
      config ??= options.settings();
      const settings = config;
      // One connection for the server's life; a failed open is tried again at the next run.
      database ??= openDatabase(settings.databaseUrl, settings.databaseAuthToken);
      database.catch(() => (database = undefined));
      const db = await database;
      // A sender per run: no idle SMTP connection held between runs.
      const sender = senderFor(settings, { pool: true });
      try {
        const report = await runJobs({
          db,
          sender,
          settings,
          notices,
          budgetMs,
          stopping: () => stopped,
        });
        if (report.noticesSent > 0 && report.noticesLeft > 0) next = Math.min(interval, firstRunMs);
      } finally {
        sender.close();
      }
    } catch (error) {
      // The kind only: a database or mail error's text may quote an address or a token.
      console.error('[jobs] run failed:', error instanceof Error ? error.name : 'error');
    }
    schedule(next);
  }

  schedule(Math.min(interval, firstRunMs));
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
