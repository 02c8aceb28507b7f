/**
 * The newsletter inside the site: settings through astro:env, one database and one sender per
 * server instance, opened on first use. Only on-demand routes import this module.
 */
import { createHmac } from 'node:crypto';
import { getSecret } from 'astro:env/server';
import { announcedServerOrigin, readEnv, settingsFrom, type ServerSettings } from './settings.ts';
import { openDatabase, type Database } from './db.ts';
import { createSender, drainOutbox, type Sender } from '../mail/transport.ts';
import { purge, settleSignups } from '../newsletter/store.ts';
import { purgeReports, reportRetention } from '../reports/store.ts';

export interface Newsletter {
  config: ServerSettings;
  db: Database;
  sender: Sender;
}

let settingsMemo: ServerSettings | undefined;

/** The settings, read once per server instance; throws SettingsError when they are wrong. */
export function settings(): ServerSettings {
  // astro:env reads the environment of the host (Node, Netlify); settings.ts checks it.
  settingsMemo ??= settingsFrom(
    readEnv('site', getSecret),
    // serve.ts names its own address; a serverless function has none and uses the build's.
    { builtFor: import.meta.env.SITE, servedAt: announcedServerOrigin() },
  );
  return settingsMemo;
}

let ready: Promise<Newsletter> | undefined;

export function newsletter(): Promise<Newsletter> {
  ready ??= (async () => {
    const config = settings();
    const db = await openDatabase(config.databaseUrl, config.databaseAuthToken);
    const sender = createSender({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      outboxDir: config.outboxDir,
      domain: config.mailDomain,
    });
    return { config, db, sender };
  })();
  // A failed start (database unreachable) is tried again on the next request.
  ready.catch(() => {
    ready = undefined;
  });
  return ready;
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
    const { db, sender } = await newsletter();
    do {
      drainAgain = false;
      while ((await settleSignups(db)) > 0);
      await drainOutbox(db, sender);
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

/** Keyed fingerprint of a client's network address, for rate limits; the address is not kept. */
export function clientKey(secret: string, address: string): string {
  return createHmac('sha256', secret).update(`client:${address}`).digest('base64url').slice(0, 22);
}
