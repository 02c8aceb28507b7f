/**
 * The work a post leaves for after its answer: received signups are settled, queued mail is
 * sent, and once an hour what is past its time is deleted. One mail sender per server instance.
 */
import { services, settings } from '../core/runtime.ts';
import { createSender, drainOutbox, type Sender } from '../mail/transport.ts';
import { purge, settleSignups } from '../newsletter/store.ts';
import { purgeReports, reportRetention } from '../reports/store.ts';

let sender: Sender | undefined;

function mailSender(): Sender {
  const config = settings();
  sender ??= createSender({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: config.outboxDir,
    domain: config.mailDomain,
  });
  return sender;
}

let draining = false;
let drainAgain = false;
let lastPurge = 0;
/** Old unconfirmed signups, fingerprints, counters and reports go at least this often, with no cron. */
const purgeEvery = 60 * 60_000;

/**
 * Settles received signups and sends queued mail in the background, after the answer, and
 * purges what is past its time once an hour. A call during a drain makes it run once more, so
 * mail queued meanwhile is not left waiting for the next request.
 */
export function drainSoon(): void {
  if (draining) {
    drainAgain = true;
    return;
  }
  draining = true;
  // Errors are caught inside: the promise never rejects.
  setImmediate(() => void drain());
}

async function drain(): Promise<void> {
  try {
    const { db } = await services();
    const out = mailSender();
    do {
      drainAgain = false;
      while ((await settleSignups(db)) > 0);
      await drainOutbox(db, out);
    } while (drainAgain);
    if (Date.now() - lastPurge > purgeEvery) {
      lastPurge = Date.now();
      await purge(db);
      await purgeReports(db, { olderThanMs: reportRetention });
    }
  } catch (error) {
    console.error('[newsletter] outbox:', error instanceof Error ? error.name : 'error');
  } finally {
    draining = false;
  }
}
