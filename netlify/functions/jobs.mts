/**
 * On Netlify no server lasts between requests, so the work `npm start` does by itself runs
 * here every 5 minutes: received signups settled, the outbox sent, what is past its time
 * purged, notices mailed (src/server/jobs/run.ts). The log says what was done, in counts.
 */
import { checkSettings, readEnv, SettingsError } from '../../src/settings/settings.ts';
import { openDatabase } from '../../src/server/core/db.ts';
import { parseSettings, settingsFrom } from '../../src/server/core/settings.ts';
import { senderFor } from '../../src/server/mail/transport.ts';
import { httpNoticeSource, runJobs } from '../../src/server/jobs/run.ts';

/** A scheduled function is stopped after 30 s: the jobs stop taking work after 20. */
const budgetMs = 20_000;

/** A function keeps no file from one run to the next. */
const remote = (databaseUrl: string) => !databaseUrl.startsWith('file:');

/** The settings, or undefined after one line in the log saying what to fix. */
function jobSettings() {
  try {
    // What the site's routes read, and what the commands whose work this is (the rate of
    // notices): a mistake in either stops the jobs, with its line.
    const env = { ...readEnv('commands'), ...readEnv('site') };
    // Netlify's address of the site (URL): the notices are fetched from the site itself,
    // and links lead there when SITE_URL is unset.
    const place = { servedAt: checkSettings(env).URL };
    if (!remote(parseSettings(env, place).databaseUrl)) {
      console.error(
        '[jobs] DATABASE_URL must be a remote libSQL database on Netlify, e.g. libsql://db.example.turso.io: a function keeps no file between runs; nothing done',
      );
      return undefined;
    }
    return settingsFrom(env, place);
  } catch (error) {
    console.error('[jobs] settings:', error instanceof SettingsError ? error.message : 'error');
    return undefined;
  }
}

export default async function jobs(): Promise<void> {
  const settings = jobSettings();
  if (!settings) return;
  try {
    const db = await openDatabase(settings.databaseUrl, settings.databaseAuthToken);
    const sender = senderFor(settings, { pool: true });
    try {
      const report = await runJobs({
        db,
        sender,
        settings,
        notices: httpNoticeSource(settings.siteUrl),
        budgetMs,
      });
      console.log('[jobs] done:', JSON.stringify(report));
    } finally {
      sender.close();
      db.close();
    }
  } catch (error) {
    // Only the kind: a message may quote an address.
    console.error('[jobs] failed:', error instanceof Error ? error.name : 'error');
  }
}

// Read by Netlify from the source, as written: a literal.
export const config = { schedule: '*/5 * * * *' };
