/**
 * Mails the notices of the build to the confirmed subscribers, each (notice, subscriber)
 * exactly once across runs.
 *
 * One mail is in flight at a time, and its delivery is marked sent as soon as the mail server
 * accepts it. So if the sender is killed, the only mail that can go twice is the one the
 * server had just accepted when the mark had not reached the database yet: at most one
 * duplicate per crash. (Several mails in flight would make that several.)
 *
 * A run may be a slice: given a deadline, it starts no mail after it, and the next run goes on
 * where it stopped (the deliveries say what is left). `sendUnderLease` is what the command
 * `send-notices` and the scheduled jobs both call: the senders' lease around a run.
 */
import { randomBytes } from 'node:crypto';
import { siteTimeZone } from '../../../lib/dates.ts';
import type { Database } from '../../core/db.ts';
import { refusedForGood, retryDelay, type Sender } from '../../mail/transport.ts';
import { leaveLinks, noticePage } from '../links.ts';
import { unsubscribeToken } from '../tokens.ts';
import type { MailedNotice, NoticeBundle } from '../../../schemas/notice-bundle.ts';
import { noticeMail } from '../../mail/templates/notice.ts';
import { noticeReceiptMail } from '../../mail/templates/notice-receipt.ts';
import {
  duePage,
  finishNotices,
  markRefused,
  markSent,
  markSkipped,
  markTemporary,
  maxAttempts,
  startNotice,
  startedNotices,
  type ReceiptMaker,
} from './deliveries.ts';
import { acquireSendLock, isLock, leaseMs, type LockHolder } from './lock.ts';
import type { Summary } from './progress.ts';

export interface SendOptions {
  siteUrl: string;
  secret: string;
  /** Names this run in the database, e.g. a random id. */
  run: string;
  /** Mails per minute; unset: as fast as the mail server takes them. */
  ratePerMinute?: number | undefined;
  /**
   * Subscribers read per page: memory stays flat however long the list, and someone who leaves
   * during a run is seen by the next page (a second or so later) at the latest.
   */
  pageSize?: number;
  /** Called before each mail; throws to stop (the senders' lock was lost). */
  heartbeat?: () => Promise<void>;
  /** After each mail: done so far and the total due when the run started. */
  onProgress?: (done: number, total: number) => void;
  /** True once the operator asked to stop (SIGINT, SIGTERM): the mail in flight ends first. */
  stopping?: () => boolean;
  /** No mail is started at or after this time on `clock`: the run is a slice. */
  deadline?: number;
  /** The clock of `deadline`; Date.now unless a caller counts time its own way. */
  clock?: () => number;
  /** Where each finished notice's receipt goes; unset: no receipt is mailed. */
  staffEmail?: string | undefined;
}

export interface SendResult extends Summary {
  /** Notices not started because their closure is over: old news. */
  closureOver: string[];
  /** Why the run stopped before the end, if it did. */
  stoppedBecause?: string;
  /** Receipts queued for the staff (in the outbox) by this run. */
  receipts: number;
}

/** Why a slice stops: its time is spent. */
export const outOfTime = 'its time is up';

/** The notices to mail, oldest first, from the Italian bundle (it lists every one). */
export function noticesToMail(bundles: Map<string, NoticeBundle>, source = 'it'): MailedNotice[] {
  return [...(bundles.get(source)?.notices ?? [])].sort(
    (a, b) => a.published.localeCompare(b.published) || a.slug.localeCompare(b.slug),
  );
}

/** Today's date in Italy, e.g. '2026-12-24'. */
function today(now: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: siteTimeZone }).format(now);
}

/** A lost connection or a server closing (421): no other mail would get through now. */
function serverUnavailable(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return code === undefined || code === 421;
}

/** Only the error's kind and code: SMTP replies can quote the recipient's address. */
function reasonOf(error: unknown): string {
  const { code, responseCode } = error as { code?: string; responseCode?: number };
  return [error instanceof Error ? error.name : 'error', code, responseCode]
    .filter(Boolean)
    .join(' ');
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Sends what is due; see the top of this file for the guarantees. */
export async function sendNotices(
  db: Database,
  sender: Sender,
  bundles: Map<string, NoticeBundle>,
  options: SendOptions,
): Promise<SendResult> {
  const { siteUrl, secret, run, pageSize = 100 } = options;
  const notices = noticesToMail(bundles);
  const result: SendResult = {
    sent: 0,
    skipped: 0,
    failed: 0,
    left: 0,
    closureOver: [],
    receipts: 0,
  };
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  const clock = options.clock ?? Date.now;

  const started = await startedNotices(db);
  for (const notice of notices) {
    if (started.has(notice.slug)) continue;
    if (notice.closure && notice.closure.to < today(Date.now())) {
      result.closureOver.push(notice.slug);
      continue;
    }
    await startNotice(db, notice.slug, run);
    started.add(notice.slug);
  }
  const active = notices.filter((n) => started.has(n.slug)).map((n) => n.slug);
  const marks = active.map(() => '?').join(',') || "''";
  const countPending = async (dueBy: number) =>
    Number(
      (
        await db.execute({
          sql: `SELECT COUNT(*) AS n FROM deliveries
                WHERE state = 'pending' AND next_attempt_at <= ? AND notice IN (${marks})`,
          args: [dueBy, ...active],
        })
      ).rows[0]?.['n'] ?? 0,
    );
  const total = await countPending(Date.now());

  const interval = options.ratePerMinute ? 60_000 / options.ratePerMinute : 0;
  let nextAt = Date.now();
  let done = 0;
  sending: for (const slug of active) {
    let after = 0;
    for (;;) {
      const page = await duePage(db, slug, after, Date.now(), pageSize);
      if (page.length === 0) break;
      for (const due of page) {
        after = due.subscriberId;
        if (options.stopping?.()) {
          result.stoppedBecause = 'asked to stop';
          break sending;
        }
        if (clock() >= deadline) {
          result.stoppedBecause = outOfTime;
          break sending;
        }
        await options.heartbeat?.();
        done++;
        if (due.email === null) {
          await markSkipped(db, slug, due.subscriberId);
          result.skipped++;
          options.onProgress?.(done, total);
          continue;
        }
        const bundle = bundles.get(due.lang) ?? bundles.get('it');
        const notice = bundle?.notices.find((n) => n.slug === slug);
        if (!bundle || !notice) throw new Error(`the build has no notice "${slug}" in ${due.lang}`);
        const token = unsubscribeToken(secret, due.emailHash);
        const mail = noticeMail(
          due.email,
          bundle,
          notice,
          {
            page: noticePage(siteUrl, bundle.lang, slug),
            ...leaveLinks(siteUrl, bundle.lang, token),
          },
          siteUrl,
        );
        if (interval > 0) {
          // The pace would start this mail after the slice's end: the next run sends it.
          if (clock() + (nextAt - Date.now()) >= deadline) {
            result.stoppedBecause = outOfTime;
            break sending;
          }
          // In short naps, keeping the lease alive however slow the pace.
          for (let wait = nextAt - Date.now(); wait > 0; wait = nextAt - Date.now()) {
            await sleep(Math.min(wait, 5_000));
            await options.heartbeat?.();
          }
          nextAt = Math.max(nextAt, Date.now()) + interval;
        }
        try {
          await sender.send(mail);
        } catch (error) {
          const reason = reasonOf(error);
          if (refusedForGood(error)) {
            await markRefused(db, slug, due.subscriberId, reason);
            result.failed++;
          } else {
            const delay = retryDelay(due.attempts + 1);
            if (await markTemporary(db, slug, due.subscriberId, reason, delay)) result.failed++;
            if (serverUnavailable(error)) {
              result.stoppedBecause = `the mail server is unavailable (${reason})`;
              break sending;
            }
          }
          options.onProgress?.(done, total);
          continue;
        }
        await markSent(db, slug, due.subscriberId);
        result.sent++;
        options.onProgress?.(done, total);
      }
    }
  }
  const italian = bundles.get('it');
  result.receipts = await finishNotices(
    db,
    options.staffEmail
      ? { receipt: receiptMaker(options.staffEmail, siteUrl, italian?.notices ?? []) }
      : {},
  );
  result.left = await countPending(Number.MAX_SAFE_INTEGER);
  return result;
}

/** The receipt of a finished notice, titled as in the Italian bundle (or by its slug). */
function receiptMaker(staffEmail: string, siteUrl: string, notices: MailedNotice[]): ReceiptMaker {
  return (outcome) =>
    noticeReceiptMail(staffEmail, {
      title: notices.find((n) => n.slug === outcome.slug)?.title ?? outcome.slug,
      page: `${siteUrl}/it/avvisi/${outcome.slug}/`,
      sentByLang: outcome.sentByLang,
      missed: outcome.missed,
      startedAt: new Date(outcome.startedAt),
      finishedAt: new Date(outcome.finishedAt),
      maxAttempts,
    });
}

/** A run's options, but for its name and lease, which `sendUnderLease` gives it. */
export type LeasedSendOptions = Omit<SendOptions, 'run' | 'heartbeat'>;

/**
 * Takes the senders' lease, sends what is due (see `sendNotices`), renews the lease as it
 * goes and gives it back; `heldBy` says who holds it when another sender runs (nothing sent).
 */
export async function sendUnderLease(
  db: Database,
  sender: Sender,
  bundles: Map<string, NoticeBundle>,
  options: LeasedSendOptions,
): Promise<SendResult | { heldBy: LockHolder }> {
  const run = randomBytes(9).toString('base64url');
  const lock = await acquireSendLock(db, run);
  if (!isLock(lock)) return { heldBy: lock };
  let renewed = Date.now();
  try {
    return await sendNotices(db, sender, bundles, {
      ...options,
      run,
      async heartbeat() {
        if (Date.now() - renewed < leaseMs / 4) return;
        if (!(await lock.renew())) throw new Error('another sender took the lock; stopping');
        renewed = Date.now();
      },
    });
  } finally {
    await lock.release();
  }
}
