/**
 * Newsletter settings, from the environment. The site reads them through astro:env; the
 * operators' command reads process.env. Secrets never leave the server and are never logged.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { dirname, resolve } from 'node:path';
import { emailProblem } from '../../lib/email-address.ts';

export interface NewsletterConfig {
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
}

export interface NewsletterEnv {
  DATABASE_URL?: string | undefined;
  DATABASE_AUTH_TOKEN?: string | undefined;
  SMTP_URL?: string | undefined;
  MAIL_FROM?: string | undefined;
  NEWSLETTER_SECRET?: string | undefined;
  NEWSLETTER_RATE_LIMIT?: number | string | undefined;
  SITE_URL?: string | undefined;
  TRUST_PROXY?: boolean | string | undefined;
  DATA_DIR?: string | undefined;
  NEWSLETTER_SEND_RATE?: string | undefined;
  STAFF_EMAIL?: string | undefined;
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

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The settings with a secret that may still have to be made in the data folder. */
export interface ParsedConfig extends Omit<NewsletterConfig, 'secret'> {
  /** Undefined: made once in `dataDir` (local use only). */
  secret?: string;
  dataDir: string;
}

/** Schemes of a libSQL database address, e.g. 'libsql://db.example.turso.io'. */
const databaseSchemes = ['file:', 'libsql:', 'http:', 'https:', 'ws:', 'wss:'];

/** A setting's text, or undefined when it is unset or blank. */
const text = (value: string | number | boolean | undefined) => {
  const trimmed = value === undefined ? '' : String(value).trim();
  return trimmed === '' ? undefined : trimmed;
};

/** A whole number setting from `min` to `max`, e.g. ('PORT', '4321', …) => 4321. */
function wholeNumber(
  name: string,
  value: string | number | undefined,
  fallback: number,
  {
    min = 1,
    max = Number.MAX_SAFE_INTEGER,
    example,
  }: { min?: number; max?: number; example: string },
): number {
  const raw = text(value);
  if (raw === undefined) return fallback;
  const number = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new ConfigError(
      `${name} must be a whole number ${range}, e.g. ${name}=${example}, not "${raw.slice(0, 40)}"`,
    );
  }
  return number;
}

/** Where the settings are read: the addresses links fall back to when SITE_URL is unset. */
export interface ConfigPlace {
  /** The public address the site was built for, e.g. 'https://polo-siracusa.it'. */
  builtFor?: string | undefined;
  /** The address of the server reading the settings (`npm start`), e.g. 'http://127.0.0.1:4321'. */
  servedAt?: string | undefined;
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

/** The domain of a sender, e.g. 'Polo <newsletter@example.org>' => 'example.org'. */
export function senderDomain(mailFrom: string): string | undefined {
  const address = /<([^<>]*)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = address.split('@').at(-1)?.trim().toLowerCase();
  return address.includes('@') && domain && /^[a-z0-9.-]+$/.test(domain) ? domain : undefined;
}

/**
 * Settings from `env`, checked, without touching the disk; throws ConfigError with one line
 * naming the variable and what to write. Secrets (NEWSLETTER_SECRET, SMTP_URL, DATABASE_URL)
 * are never repeated in a message.
 */
export function parseConfig(env: NewsletterEnv, place: ConfigPlace = {}): ParsedConfig {
  // The project's .data/ (npm runs every script from the project folder), unless DATA_DIR says.
  const dataDir = resolve(text(env.DATA_DIR) ?? '.data');
  const databaseUrl = text(env.DATABASE_URL) ?? `file:${resolve(dataDir, 'newsletter.db')}`;
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(databaseUrl)?.[0].toLowerCase();
  if (!scheme || !databaseSchemes.includes(scheme)) {
    throw new ConfigError(
      'DATABASE_URL must start with file:, libsql://, https://, http://, wss:// or ws://, e.g. DATABASE_URL=file:.data/newsletter.db or DATABASE_URL=libsql://db.example.turso.io',
    );
  }
  const secret = text(env.NEWSLETTER_SECRET);
  const authToken = text(env.DATABASE_AUTH_TOKEN);
  const smtpUrl = text(env.SMTP_URL);
  const mailFrom = text(env.MAIL_FROM);
  const remote = scheme !== 'file:';
  if (remote && !secret) {
    throw new ConfigError(
      'NEWSLETTER_SECRET must be set when DATABASE_URL is a remote database: write 32 or more random characters (e.g. from openssl rand -base64 33)',
    );
  }
  if (remote && !smtpUrl) {
    // Files on a server's disk are no way to reach subscribers, and the log would hold tokens.
    throw new ConfigError(
      'SMTP_URL must be set when DATABASE_URL is a remote database, e.g. SMTP_URL=smtps://user:password@smtp.example.org',
    );
  }
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError(
      `NEWSLETTER_SECRET is ${secret.length} characters long: write 32 or more random characters (e.g. from openssl rand -base64 33)`,
    );
  }
  if (smtpUrl && !mailFrom) {
    throw new ConfigError(
      'MAIL_FROM (the sender) must be set when SMTP_URL is set, e.g. MAIL_FROM="Polo <newsletter@example.org>"',
    );
  }
  const publicUrl = text(env.SITE_URL)?.replace(/\/+$/, '');
  const site = publicUrl && URL.canParse(publicUrl) ? new URL(publicUrl) : undefined;
  if (
    publicUrl !== undefined &&
    (!site || (site.protocol !== 'https:' && site.protocol !== 'http:') || !site.hostname)
  ) {
    throw new ConfigError(
      `SITE_URL must be an absolute http(s) address, e.g. SITE_URL=https://polo-siracusa.it, not "${publicUrl.slice(0, 80)}"`,
    );
  }
  // Unset: the links lead to the server that sends them, so a newcomer finishes the flow
  // locally; a command run apart from a server uses the address the site was built for.
  const siteUrl = (
    publicUrl ??
    place.servedAt ??
    place.builtFor ??
    'http://127.0.0.1:4321'
  ).replace(/\/+$/, '');
  if (mailFrom !== undefined && !senderDomain(mailFrom)) {
    throw new ConfigError(
      'MAIL_FROM must be an address, e.g. MAIL_FROM="Polo <newsletter@example.org>"',
    );
  }
  // The site's own domain, not the local server's: Message-IDs on 'localhost' or an IP count
  // against a mail.
  const mailDomain =
    (mailFrom && senderDomain(mailFrom)) ??
    new URL(publicUrl ?? place.builtFor ?? siteUrl).hostname;
  const rateLimit = wholeNumber('NEWSLETTER_RATE_LIMIT', env.NEWSLETTER_RATE_LIMIT, 10, {
    example: '10',
  });
  const trust = text(env.TRUST_PROXY)?.toLowerCase();
  if (trust !== undefined && !['true', 'false', '1', '0'].includes(trust)) {
    throw new ConfigError(`TRUST_PROXY must be true or false, not "${trust.slice(0, 40)}"`);
  }
  const staffEmail = text(env.STAFF_EMAIL);
  if (staffEmail !== undefined && emailProblem(staffEmail.toLowerCase())) {
    throw new ConfigError(
      `STAFF_EMAIL must be one e-mail address, e.g. STAFF_EMAIL=accessibilita@example.org, not "${staffEmail.slice(0, 80)}"`,
    );
  }
  return {
    databaseUrl,
    ...(authToken ? { databaseAuthToken: authToken } : {}),
    ...(smtpUrl ? { smtpUrl } : {}),
    // Local mode only (with SMTP_URL, MAIL_FROM is required): mails go to files, never sent.
    mailFrom: mailFrom ?? `Polo Sociale Integrato di Siracusa <newsletter@${mailDomain}>`,
    mailDomain,
    ...(secret ? { secret } : {}),
    dataDir,
    outboxDir: resolve(dataDir, 'outbox'),
    rateLimit,
    rateWindowMs: 10 * 60_000,
    siteUrl,
    trustProxy: trust === 'true' || trust === '1',
    ...(staffEmail ? { staffEmail } : {}),
  };
}

/** Settings from `env`, with the secret made in the data folder if it has to be. */
export function configFrom(env: NewsletterEnv, place: ConfigPlace = {}): NewsletterConfig {
  const { secret, dataDir, ...config } = parseConfig(env, place);
  return { ...config, secret: secret ?? localSecret(dataDir) };
}

/** Notices mailed per minute (`NEWSLETTER_SEND_RATE`); undefined: as fast as the server takes them. */
export function sendRateFrom(env: NewsletterEnv): number | undefined {
  if (text(env.NEWSLETTER_SEND_RATE) === undefined) return undefined;
  return wholeNumber('NEWSLETTER_SEND_RATE', env.NEWSLETTER_SEND_RATE, 0, { example: '600' });
}

/** The server's port (`PORT`), e.g. {} => 4321, { PORT: '8080' } => 8080. */
export function portFrom(env: { PORT?: string | undefined }): number {
  return wholeNumber('PORT', env.PORT, 4321, { max: 65535, example: '4321' });
}

/**
 * Every setting the server reads, checked at once when it starts; throws ConfigError with the
 * first mistake. Writes nothing.
 */
export function checkServerEnv(env: NewsletterEnv & { PORT?: string | undefined }): void {
  portFrom(env);
  parseConfig(env);
  sendRateFrom(env);
}
