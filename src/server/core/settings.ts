/**
 * The settings as the server and the commands use them: checked by their declaration
 * (src/settings/settings.ts), then turned into addresses, folders and a secret.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { dirname, resolve } from 'node:path';
import { checkSettings, senderDomain, type SettingsEnv } from '../../settings/settings.ts';

export interface ServerSettings {
  /** Where `npm start` listens. */
  host: string;
  port: number;
  databaseUrl: string;
  databaseAuthToken?: string;
  /** Unset: mails are written to `outboxDir` as .eml files. */
  smtpUrl?: string;
  mailFrom: string;
  /** Signs tokens and keys the address fingerprints. Must not change once in use. */
  secret: string;
  outboxDir: string;
  /** Signups one client may make per window. */
  rateLimit: number;
  rateWindowMs: number;
  /** Notices mailed per minute; undefined: as fast as the mail server takes them. */
  sendRate?: number;
  /**
   * Address of the site for the links in mails: SITE_URL, else the server that sends them (so
   * a local signup can be confirmed locally); never taken from a request's Host.
   */
  siteUrl: string;
  /** Domain of `From` and of Message-IDs: MAIL_FROM's, else the site's, e.g. 'polo-siracusa.it'. */
  mailDomain: string;
  /** Behind a reverse proxy: the client is the last X-Forwarded-For entry, not the socket. */
  trustProxy: boolean;
  /** Accessibility reports are mailed here; unset: they are stored, not mailed. */
  staffEmail?: string;
  /** The build's folder, where the commands read the notices. */
  outDir: string;
  /** Seconds between the Node server's scheduled jobs; 0: none. */
  jobsIntervalSeconds: number;
}

/** The settings with a secret that may still have to be made in the data folder. */
export interface ParsedSettings extends Omit<ServerSettings, 'secret'> {
  /** Undefined: made once in `dataDir` (local use only). */
  secret?: string;
  dataDir: string;
}

/** Where the settings are read: the addresses links fall back to when SITE_URL is unset. */
export interface SettingsPlace {
  /** The public address the site was built for, e.g. 'https://polo-siracusa.it'. */
  builtFor?: string | undefined;
  /** The address of the server reading the settings (`npm start`), e.g. 'http://127.0.0.1:4321'. */
  servedAt?: string | undefined;
}

/**
 * A secret for local use, made once and kept in the data folder (folder 700, file 600), so
 * that `npm start` needs no setup. A remote database must come with a secret set by the operator.
 */
function localSecret(dataDir: string): string {
  const file = resolve(dataDir, 'newsletter-secret');
  if (!existsSync(file)) {
    ownerOnlyFolder(dirname(file));
    writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}

/** Makes `dir` (and missing parents) readable by this user only, when this call creates it. */
export function ownerOnlyFolder(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // The mode above is filtered by the umask; say it again, exactly.
  chmodSync(dir, 0o700);
}

/**
 * The address to open a server listening on `host`:`port`, e.g. ('0.0.0.0', 8080) =>
 * 'http://127.0.0.1:8080' and ('::', 80) => 'http://localhost:80': an address to listen on
 * (every interface) is no address to open.
 */
export function serverOrigin(host: string, port: number): string {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (isIPv6(bare)) {
    const name = new URL(`http://[${bare}]`).hostname;
    return `http://${name === '[::]' ? 'localhost' : name}:${port}`;
  }
  return `http://${bare === '0.0.0.0' || bare === '' ? '127.0.0.1' : bare}:${port}`;
}

/**
 * Settings from `env`, checked, without touching the disk; throws SettingsError with one line
 * naming the variable and what to write.
 */
export function parseSettings(env: SettingsEnv, place: SettingsPlace = {}): ParsedSettings {
  const settings = checkSettings(env);
  // The project's .data/ (npm runs every script from the project folder), unless DATA_DIR says.
  const dataDir = resolve(settings.DATA_DIR);
  const publicUrl = settings.SITE_URL;
  // Unset: the links lead to the server that sends them, so a newcomer finishes the flow
  // locally; a command run apart from a server uses the address the site was built for.
  const siteUrl = (
    publicUrl ??
    place.servedAt ??
    place.builtFor ??
    'http://127.0.0.1:4321'
  ).replace(/\/+$/, '');
  const mailFrom = settings.MAIL_FROM;
  // The site's own domain, not the local server's: Message-IDs on 'localhost' or an IP count
  // against a mail.
  const mailDomain =
    (mailFrom && senderDomain(mailFrom)) ??
    new URL(publicUrl ?? place.builtFor ?? siteUrl).hostname;
  return {
    host: settings.HOST,
    port: settings.PORT,
    databaseUrl: settings.DATABASE_URL ?? `file:${resolve(dataDir, 'newsletter.db')}`,
    ...(settings.DATABASE_AUTH_TOKEN ? { databaseAuthToken: settings.DATABASE_AUTH_TOKEN } : {}),
    ...(settings.SMTP_URL ? { smtpUrl: settings.SMTP_URL } : {}),
    // Local mode only (with SMTP_URL, MAIL_FROM is required): mails go to files, never sent.
    mailFrom: mailFrom ?? `Polo Sociale Integrato di Siracusa <newsletter@${mailDomain}>`,
    mailDomain,
    ...(settings.NEWSLETTER_SECRET ? { secret: settings.NEWSLETTER_SECRET } : {}),
    dataDir,
    outboxDir: resolve(dataDir, 'outbox'),
    rateLimit: settings.NEWSLETTER_RATE_LIMIT,
    rateWindowMs: 10 * 60_000,
    ...(settings.NEWSLETTER_SEND_RATE !== undefined
      ? { sendRate: settings.NEWSLETTER_SEND_RATE }
      : {}),
    siteUrl,
    trustProxy: settings.TRUST_PROXY,
    ...(settings.STAFF_EMAIL ? { staffEmail: settings.STAFF_EMAIL } : {}),
    outDir: settings.POLO_OUT_DIR,
    jobsIntervalSeconds: settings.JOBS_INTERVAL_SECONDS,
  };
}

/** Settings from `env`, with the secret made in the data folder if it has to be. */
export function settingsFrom(env: SettingsEnv, place: SettingsPlace = {}): ServerSettings {
  const { secret, dataDir, ...settings } = parseSettings(env, place);
  return { ...settings, secret: secret ?? localSecret(dataDir) };
}
