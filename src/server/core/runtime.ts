/**
 * The server inside the site: settings through astro:env and one database per server instance,
 * opened on first use. Only on-demand routes import this module.
 */
import { getSecret } from 'astro:env/server';
import { announcedServerOrigin, readEnv } from '../../settings/settings.ts';
import { settingsFrom, type ServerSettings } from './settings.ts';
import { openDatabase, type Database } from './db.ts';

/** What a request works with: the settings and the database. */
export interface Services {
  config: ServerSettings;
  db: Database;
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

let ready: Promise<Services> | undefined;

/** The settings and the database, opened on the first call. */
export function services(): Promise<Services> {
  ready ??= (async () => {
    const config = settings();
    const db = await openDatabase(config.databaseUrl, config.databaseAuthToken);
    return { config, db };
  })();
  // A failed start (database unreachable) is tried again on the next request.
  ready.catch(() => {
    ready = undefined;
  });
  return ready;
}
