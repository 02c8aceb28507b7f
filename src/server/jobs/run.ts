/**
 * One run of the work nobody has to start, the same on the Node server (a timer, node.ts) and
 * on Netlify (a scheduled function): settle received signups, send the outbox, purge what is
 * past its time (at most hourly), then mail the served build's notices in a slice of
 * `budgetMs`. The next run goes on where a slice stopped. One log line of counts per run.
 */
import { localeCodes } from '../../lib/locales.ts';
import type { Database } from '../core/db.ts';
import type { ServerSettings } from '../core/settings.ts';
import { drainOutbox, type Sender } from '../mail/transport.ts';
import {
  MissingBuildError,
  readClientBundles,
  type NoticeBundle,
} from '../newsletter/notices/bundle.ts';
import { sendUnderLease } from '../newsletter/notices/send.ts';
import { purge, settleSignups } from '../newsletter/store.ts';
import { tokenFiller } from '../newsletter/tokens.ts';
import { purgeReports, reportRetention } from '../reports/store.ts';

export interface JobsReport {
  /** Received signups settled (their confirmation queued). */
  settled: number;
  /** Mails of the outbox accepted by the mail server (confirmations, staff mails, receipts). */
  mailed: number;
  /** Mails of the outbox that failed (tried again later) or were refused for good. */
  mailFailed: number;
  /** Whether what is past its time was deleted in this run. */
  purged: boolean;
  noticesSent: number;
  /** Notice mails still to send: the next run's, or waiting for a retry. */
  noticesLeft: number;
  /** Receipts queued for the staff: notices finished in this run. */
  receipts: number;
}

/** Where the served build's notice bundles come from: files on Node, the site over HTTP on Netlify. */
export type NoticeSource = (langs: readonly string[]) => Promise<Map<string, NoticeBundle>>;

/** The bundles of the static site in `clientDir()`, read at each run (the served build may change). */
export function filesNoticeSource(clientDir: () => string): NoticeSource {
  return (langs) => Promise.resolve(readClientBundles(clientDir(), langs));
}

/** The bundles as the site serves them: GET {siteUrl}/{lang}/avvisi/newsletter.json. */
export function httpNoticeSource(siteUrl: string): NoticeSource {
  const base = siteUrl.replace(/\/+$/, '');
  return async (langs) => {
    const entries = await Promise.all(
      langs.map(async (lang) => {
        const url = `${base}/${lang}/avvisi/newsletter.json`;
        const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
        if (!response.ok) throw new MissingBuildError(`${url} answered ${response.status}`);
        return [lang, (await response.json()) as NoticeBundle] as const;
      }),
    );
    return new Map(entries);
  };
}

/** Settles every received signup; returns how many. */
export async function settleAll(db: Database): Promise<number> {
  let settled = 0;
  for (let n = await settleSignups(db); n > 0; n = await settleSignups(db)) settled += n;
  return settled;
}

const outboxBatch = 50;

/**
 * Sends the outbox's due mail in batches while `more()` says so; stops after a batch with a
 * failure (the mail server is likely down: the rest waits for a later run).
 */
export async function sendOutbox(
  db: Database,
  sender: Sender,
  secret: string,
  more: () => boolean = () => true,
): Promise<{ sent: number; failed: number }> {
  const total = { sent: 0, failed: 0 };
  while (more()) {
    const { sent, failed, refused } = await drainOutbox(db, sender, tokenFiller(secret), {
      limit: outboxBatch,
    });
    total.sent += sent;
    total.failed += failed + refused;
    if (sent + failed + refused < outboxBatch || failed > 0) break;
  }
  return total;
}

let lastPurge = Number.NEGATIVE_INFINITY;
/** Old unconfirmed signups, fingerprints, counters and reports go at least this often, with no cron. */
const purgeEvery = 60 * 60_000;

/** Purges what is past its time, unless this instance did it within the hour; true if it did. */
export async function purgeIfDue(db: Database, now = Date.now()): Promise<boolean> {
  if (now - lastPurge < purgeEvery) return false;
  lastPurge = now;
  await purge(db, now);
  await purgeReports(db, { olderThanMs: reportRetention }, now);
  return true;
}

/** The run's line, e.g. '[jobs] settled 0 · mailed 2 (0 failed) · notices 120 sent, 0 left · receipts 1'. */
function reportLine(report: JobsReport, notices: string): string {
  return [
    `[jobs] settled ${report.settled}`,
    `mailed ${report.mailed} (${report.mailFailed} failed)`,
    notices || `notices ${report.noticesSent} sent, ${report.noticesLeft} left`,
    `receipts ${report.receipts}`,
  ].join(' · ');
}

/**
 * One run. `budgetMs` bounds the time in which mails are started (a scheduled function has 30
 * s: give it ~20 000); the mail in flight at the end finishes. `now` is the clock of the
 * budget and the purge. `stopping` (optional) ends the slice early, e.g. when the server stops.
 */
export async function runJobs(options: {
  db: Database;
  sender: Sender;
  settings: ServerSettings;
  notices: NoticeSource;
  budgetMs: number;
  now?: () => number;
  stopping?: () => boolean;
}): Promise<JobsReport> {
  const { db, sender, settings, notices, budgetMs, now = Date.now } = options;
  const deadline = now() + budgetMs;
  const inTime = () => now() < deadline && !options.stopping?.();
  const report: JobsReport = {
    settled: await settleAll(db),
    mailed: 0,
    mailFailed: 0,
    purged: false,
    noticesSent: 0,
    noticesLeft: 0,
    receipts: 0,
  };
  const mail = async () => {
    const { sent, failed } = await sendOutbox(db, sender, settings.secret, inTime);
    report.mailed += sent;
    report.mailFailed += failed;
  };
  await mail();
  report.purged = await purgeIfDue(db, now());

  // What the line says of the notices when they were not sent ('' when they were).
  let noticesNote = '';
  let touched = false;
  try {
    const bundles = await notices(localeCodes);
    const result = await sendUnderLease(db, sender, bundles, {
      siteUrl: settings.siteUrl,
      secret: settings.secret,
      ratePerMinute: settings.sendRate,
      staffEmail: settings.staffEmail,
      deadline,
      clock: now,
      stopping: () => options.stopping?.() ?? false,
    });
    if ('heldBy' in result) {
      noticesNote = `notices: another sender is running (${result.heldBy.host}, process ${result.heldBy.pid})`;
    } else {
      report.noticesSent = result.sent;
      report.noticesLeft = result.left;
      report.receipts = result.receipts;
      touched = result.sent + result.skipped + result.failed > 0;
      // The receipts leave now, not at the next run.
      if (result.receipts > 0) await mail();
    }
  } catch (error) {
    // Never the error's text from elsewhere: it may quote an address.
    const what =
      error instanceof MissingBuildError
        ? error.message
        : error instanceof Error
          ? error.name
          : 'error';
    noticesNote = `notices: not sent (${what})`;
  }
  const busy =
    report.settled + report.mailed + report.mailFailed + report.noticesSent + report.receipts > 0;
  if (busy || touched || noticesNote) {
    (noticesNote ? console.warn : console.info)(reportLine(report, noticesNote));
  }
  return report;
}
