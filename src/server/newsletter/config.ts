/**
 * Newsletter settings, from the environment. The site reads them through astro:env; the
 * operators' command reads process.env. Secrets never leave the server and are never logged.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

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
  /** Public address of the site, for the links in mails; never taken from a request's Host. */
  siteUrl: string;
  /** Behind a reverse proxy: the client is the last X-Forwarded-For entry, not the socket. */
  trustProxy: boolean;
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
}

/**
 * A secret for local use, made once and kept in the data folder (mode 600), so that
 * `npm start` needs no setup. A remote database must come with a secret set by the operator.
 */
function localSecret(dataDir: string): string {
  const file = resolve(dataDir, 'newsletter-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Settings from `env`; `defaultSiteUrl` is the address the site was built for. */
export function configFrom(
  env: NewsletterEnv,
  defaultSiteUrl = 'http://127.0.0.1:4321',
): NewsletterConfig {
  // The project's .data/ (npm runs every script from the project folder), unless DATA_DIR says.
  const dataDir = resolve(env.DATA_DIR?.trim() || '.data');
  const databaseUrl = env.DATABASE_URL?.trim() || `file:${resolve(dataDir, 'newsletter.db')}`;
  const remote = !databaseUrl.startsWith('file:');
  if (remote && !env.NEWSLETTER_SECRET) {
    throw new ConfigError('NEWSLETTER_SECRET must be set when DATABASE_URL is a remote database');
  }
  if (remote && !env.SMTP_URL) {
    // Files on a server's disk are no way to reach subscribers, and the log would hold tokens.
    throw new ConfigError('SMTP_URL must be set when DATABASE_URL is a remote database');
  }
  const siteUrl = (env.SITE_URL?.trim() || defaultSiteUrl).replace(/\/+$/, '');
  if (!URL.canParse(siteUrl)) throw new ConfigError(`SITE_URL is not an address: "${siteUrl}"`);
  if (env.NEWSLETTER_SECRET !== undefined && env.NEWSLETTER_SECRET.length < 32) {
    throw new ConfigError('NEWSLETTER_SECRET must be at least 32 characters long');
  }
  if (env.SMTP_URL && !env.MAIL_FROM) {
    throw new ConfigError('MAIL_FROM (the sender address) must be set when SMTP_URL is set');
  }
  const rateLimit = Number(env.NEWSLETTER_RATE_LIMIT ?? 10);
  if (!Number.isInteger(rateLimit) || rateLimit < 1) {
    throw new ConfigError('NEWSLETTER_RATE_LIMIT must be a whole number of at least 1');
  }
  return {
    databaseUrl,
    ...(env.DATABASE_AUTH_TOKEN ? { databaseAuthToken: env.DATABASE_AUTH_TOKEN } : {}),
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    // Local mode only: no real address is invented for the Polo.
    mailFrom: env.MAIL_FROM ?? 'Polo Sociale Integrato di Siracusa <newsletter@localhost>',
    secret: env.NEWSLETTER_SECRET ?? localSecret(dataDir),
    outboxDir: resolve(dataDir, 'outbox'),
    rateLimit,
    rateWindowMs: 10 * 60_000,
    siteUrl,
    trustProxy: env.TRUST_PROXY === true || env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
  };
}

/** Notices mailed per minute (`NEWSLETTER_SEND_RATE`); undefined: as fast as the server takes them. */
export function sendRateFrom(env: NewsletterEnv): number | undefined {
  const value = env.NEWSLETTER_SEND_RATE?.trim();
  if (!value) return undefined;
  const rate = Number(value);
  if (!Number.isInteger(rate) || rate < 1) {
    throw new ConfigError(
      'NEWSLETTER_SEND_RATE must be a whole number of mails per minute, at least 1',
    );
  }
  return rate;
}
