/**
 * The work a post leaves for after its answer: received signups are settled and queued mail
 * is sent at once (a confirmation leaves in seconds), and what is past its time is purged at
 * most hourly. The same pieces as the scheduled run (run.ts), which also retries what fails
 * here. One mail sender per server instance.
 */
import { services, settings } from '../core/runtime.ts';
import { senderFor, type Sender } from '../mail/transport.ts';
import { purgeIfDue, sendOutbox, settleAll } from './run.ts';

let sender: Sender | undefined;

function mailSender(): Sender {
  const config = settings();
  sender ??= senderFor(config);
  return sender;
}

let draining = false;
let drainAgain = false;

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
    const { db, config } = await services();
    const out = mailSender();
    do {
      drainAgain = false;
      await settleAll(db);
      await sendOutbox(db, out, config.secret);
    } while (drainAgain);
    await purgeIfDue(db);
  } catch (error) {
    console.error('[newsletter] outbox:', error instanceof Error ? error.name : 'error');
  } finally {
    draining = false;
  }
}
