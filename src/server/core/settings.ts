/**
 * Every setting read from the environment, declared once: its name, check, default, the one
 * line a mistake gives, and its meaning for the README's table. The build (astro.config.mjs),
 * `npm start`, the site's on-demand routes and the operators' commands all read them through
 * this module, and nowhere else. Secrets never leave the server and are never logged.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { emailProblem } from '../../lib/email-address.ts';

/**
 * Who reads a setting: `build` (astro build), `server` (`npm start`, which checks all it
 * takes before listening), `site` (the on-demand routes, on Node or Netlify) and `commands`
 * (`npm run newsletter`, `npm run reports`).
 */
export type Reader = 'build' | 'server' | 'site' | 'commands';

type SettingDoc = {
  /** One line for the README's table. */
  description: string;
  /** What happens when the setting is unset, when that is more than a value. */
  unset?: string;
  /** Never repeated in a message. */
  secret?: true;
  /** Default: the server, the site and the commands. */
  readBy?: readonly Reader[];
};

/** The settings of the newsletter and the reports, which `npm start` checks too. */
const everyRun: readonly Reader[] = ['server', 'site', 'commands'];

/** A value as text, e.g. 10 => '10'; anything else (undefined) => ''. */
const asText = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';

/** A blank setting is unset (`FOO=` in a service file means the default); text is trimmed. */
function unsetIfBlank(value: unknown): string | undefined {
  const text = asText(value).trim();
  return text === '' ? undefined : text;
}

/** A setting: blanks read as unset, then `schema` checks and converts the text. */
const setting = <T extends z.ZodType>(schema: T, doc: SettingDoc) =>
  z.preprocess(unsetIfBlank, schema).meta(doc);

/** The one line of a mistake, from the setting's name and the text it was given. */
const problem =
  (line: (name: string, raw: string) => string) =>
  (issue: { path?: PropertyKey[] | undefined; input?: unknown }) =>
    line(String(issue.path?.[0]), asText(issue.input));

/** A whole number from `min` to `max`, e.g. '4321' => 4321. */
function wholeNumber({
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
  example,
}: {
  min?: number;
  max?: number;
  example: string;
}) {
  const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
  return z
    .string()
    .refine((raw) => /^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max, {
      error: problem(
        (name, raw) =>
          `${name} must be a whole number ${range}, e.g. ${name}=${example}, not "${raw.slice(0, 40)}"`,
      ),
    })
    .transform(Number);
}

/** Schemes of a libSQL database address, e.g. 'libsql://db.example.turso.io'. */
const databaseSchemes = ['file:', 'libsql:', 'http:', 'https:', 'ws:', 'wss:'];
const schemeOf = (url: string) => /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase();
const secretAdvice = 'write 32 or more random characters (e.g. from openssl rand -base64 33)';

/** The declaration. Its order is the table's, and the order mistakes are told in. */
export const settingsSchema = z
  .object({
    // Taken as written: an empty HOST listens on every interface, as Node does.
    HOST: z
      .string()
      .default('127.0.0.1')
      .meta({
        description:
          'address `npm start` listens on; `0.0.0.0` or `::` for every interface (behind a proxy)',
        readBy: ['server'],
      } satisfies SettingDoc),
    PORT: setting(wholeNumber({ max: 65535, example: '4321' }).default(4321), {
      description: 'port `npm start` listens on',
      readBy: ['server'],
    }),
    DATABASE_URL: setting(
      z
        .string()
        .refine((url) => databaseSchemes.includes(schemeOf(url) ?? ''), {
          error: problem(
            (name) =>
              `${name} must start with file:, libsql://, https://, http://, wss:// or ws://, e.g. ${name}=file:.data/newsletter.db or ${name}=libsql://db.example.turso.io`,
          ),
        })
        .optional(),
      {
        description:
          'libSQL database: `file:…`, or `libsql://…`, `https://…`, `wss://…` (Turso, a libSQL server)',
        unset: '`file:.data/newsletter.db`',
        secret: true,
      },
    ),
    DATABASE_AUTH_TOKEN: setting(z.string().optional(), {
      description: 'token of a remote database',
      secret: true,
    }),
    NEWSLETTER_SECRET: setting(
      z
        .string()
        .refine((secret) => secret.length >= 32, {
          error: problem(
            (name, raw) => `${name} is ${raw.length} characters long: ${secretAdvice}`,
          ),
        })
        .optional(),
      {
        description:
          'signs links and keys fingerprints; 32+ characters; never change it once in use',
        unset: 'made once in `.data/newsletter-secret` (required with a remote database)',
        secret: true,
      },
    ),
    SMTP_URL: setting(z.string().optional(), {
      description: 'mail server, e.g. `smtps://user:pass@smtp.example.org`',
      unset: 'none: mails go to `.data/outbox/*.eml`',
      secret: true,
    }),
    MAIL_FROM: setting(
      z
        .string()
        .refine((from) => senderDomain(from) !== undefined, {
          error: problem(
            (name) => `${name} must be an address, e.g. ${name}="Polo <newsletter@example.org>"`,
          ),
        })
        .optional(),
      {
        description: 'sender, e.g. `Polo <newsletter@…>`; Message-IDs are made on its domain',
        unset: 'required with `SMTP_URL`',
      },
    ),
    NEWSLETTER_RATE_LIMIT: setting(wholeNumber({ example: '10' }).default(10), {
      description: 'signups one client may make per 10 minutes',
    }),
    SITE_URL: setting(
      z
        .string()
        .overwrite((url) => url.replace(/\/+$/, ''))
        .refine(
          (url) => {
            const site = URL.canParse(url) ? new URL(url) : undefined;
            return !!site && ['https:', 'http:'].includes(site.protocol) && !!site.hostname;
          },
          {
            error: problem(
              (name, raw) =>
                `${name} must be an absolute http(s) address, e.g. ${name}=https://polo-siracusa.it, not "${raw.slice(0, 80)}"`,
            ),
          },
        )
        .optional(),
      {
        description:
          'public address; links in pages and mails use it, and forms posted from it are accepted behind a proxy',
        unset:
          'build: `https://polo-siracusa.it`; `npm start`: the server itself (`http://HOST:PORT`, `0.0.0.0` as `127.0.0.1`); Netlify: the build’s; `npm run newsletter`: `http://127.0.0.1:4321`',
        readBy: ['build', ...everyRun],
      },
    ),
    TRUST_PROXY: setting(
      z
        .stringbool({
          truthy: ['true', '1'],
          falsy: ['false', '0'],
          error: problem(
            (name, raw) => `${name} must be true or false, not "${raw.toLowerCase().slice(0, 40)}"`,
          ),
        })
        .default(false),
      {
        description:
          '`true` behind a reverse proxy: the client is the last `X-Forwarded-For` entry',
      },
    ),
    DATA_DIR: setting(z.string().default('.data'), {
      description:
        'folder of the local database, secret and mail files (npm scripts run from the project folder)',
    }),
    NEWSLETTER_SEND_RATE: setting(wholeNumber({ example: '600' }).optional(), {
      description: 'notices mailed per minute by `send-notices` (your provider’s limit)',
      unset: 'no limit',
      readBy: ['server', 'commands'],
    }),
    STAFF_EMAIL: setting(
      z
        .string()
        .refine((email) => !emailProblem(email.toLowerCase()), {
          error: problem(
            (name, raw) =>
              `${name} must be one e-mail address, e.g. ${name}=accessibilita@example.org, not "${raw.slice(0, 80)}"`,
          ),
        })
        .optional(),
      {
        description: 'where accessibility reports are mailed, e.g. `accessibilita@…` (one address)',
        unset: 'none: reports are stored, not mailed',
      },
    ),
    // Taken as before: anything but `netlify` builds for the Node server.
    DEPLOY_TARGET: setting(z.string().optional(), {
      description: '`netlify`: build for Netlify’s serverless functions instead of `npm start`',
      unset: 'the Node server of `npm start`',
      readBy: ['build'],
    }),
    POLO_OUT_DIR: setting(z.string().default('dist'), {
      description:
        'folder the build writes, and `npm run newsletter` reads the notices from (the tests build copies apart)',
      readBy: ['build', 'commands'],
    }),
    POLO_CACHE_DIR: setting(z.string().default('node_modules/.astro'), {
      description: 'folder of the build’s cache (the tests build copies apart)',
      readBy: ['build'],
    }),
  })
  // Settings that need one another: told after any setting wrong by itself.
  .superRefine((env, context) => {
    const remote = env.DATABASE_URL !== undefined && schemeOf(env.DATABASE_URL) !== 'file:';
    const needs = (name: string, message: string) =>
      context.addIssue({ code: 'custom', path: [name], message });
    if (remote && !env.NEWSLETTER_SECRET) {
      needs(
        'NEWSLETTER_SECRET',
        `NEWSLETTER_SECRET must be set when DATABASE_URL is a remote database: ${secretAdvice}`,
      );
    } else if (remote && !env.SMTP_URL) {
      // Files on a server's disk are no way to reach subscribers, and the log would hold tokens.
      needs(
        'SMTP_URL',
        'SMTP_URL must be set when DATABASE_URL is a remote database, e.g. SMTP_URL=smtps://user:password@smtp.example.org',
      );
    } else if (env.SMTP_URL && !env.MAIL_FROM) {
      needs(
        'MAIL_FROM',
        'MAIL_FROM (the sender) must be set when SMTP_URL is set, e.g. MAIL_FROM="Polo <newsletter@example.org>"',
      );
    }
  });

export type SettingName = keyof typeof settingsSchema.shape;
export const settingNames = Object.keys(settingsSchema.shape) as SettingName[];

/** A setting's documentation, as declared. */
export function settingDoc(name: SettingName): SettingDoc {
  return settingsSchema.shape[name].meta() as SettingDoc;
}

/** The settings `reader` reads, in the order of the declaration. */
export function namesReadBy(reader: Reader): SettingName[] {
  return settingNames.filter((name) => (settingDoc(name).readBy ?? everyRun).includes(reader));
}

/** Settings as the environment gives them (astro:env, process.env or a test's object). */
export type SettingsEnv = Readonly<
  Partial<Record<SettingName, string | number | boolean | undefined>>
>;

/**
 * The settings `reader` takes from the environment, e.g. `readEnv('site', getSecret)`; the
 * others are left out, so a setting one part never uses cannot stop it.
 */
export function readEnv(
  reader: Reader,
  get: (name: string) => string | undefined = (name) => process.env[name],
): SettingsEnv {
  return Object.fromEntries(namesReadBy(reader).map((name) => [name, get(name)]));
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/**
 * The settings checked and converted, with their defaults; throws SettingsError with one
 * line naming the first wrong setting and what to write. A secret is never repeated.
 */
export function checkSettings(env: SettingsEnv): z.output<typeof settingsSchema> {
  const result = settingsSchema.safeParse(env, {
    // A check with no line of its own (a test passing a number as HOST).
    error: (issue) => `${String(issue.path?.[0])} is not a valid setting`,
  });
  if (result.success) return result.data;
  throw new SettingsError(result.error.issues[0]?.message ?? 'a setting is not valid');
}

/** A Markdown table, each cell padded to its column's width as Prettier writes it. */
function markdownTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(3, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths?.[i] ?? 0)).join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), line(head.map((_, i) => '-'.repeat(widths?.[i] ?? 3))), ...body.map(line)]
    .map((row) => `${row}\n`)
    .join('');
}

/** The README's table of the settings (`npm run settings:table`), from the declaration. */
export function settingsTable(): string {
  const defaults: Partial<Record<SettingName, unknown>> = checkSettings({});
  return markdownTable([
    ['Setting', 'Default', 'Meaning'],
    ...settingNames.map((name) => {
      const { description, unset } = settingDoc(name);
      const value = asText(defaults[name]);
      return [`\`${name}\``, unset ?? (value ? `\`${value}\`` : 'none'), description];
    }),
  ]);
}

/** What the build takes from the environment (astro.config.mjs). */
export function buildSettings(env: SettingsEnv = readEnv('build')) {
  const settings = checkSettings(env);
  return {
    site: settings.SITE_URL ?? 'https://polo-siracusa.it',
    netlify: settings.DEPLOY_TARGET === 'netlify',
    outDir: settings.POLO_OUT_DIR,
    cacheDir: settings.POLO_CACHE_DIR,
  };
}

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
 * `npm start` tells the site's routes, which Astro bundles with their own copy of this
 * module, the address it serves at: links in mails lead there when SITE_URL is unset.
 */
const originVariable = 'POLO_SERVER_ORIGIN';
export function announceServerOrigin(origin: string): void {
  process.env[originVariable] = origin;
}
export function announcedServerOrigin(): string | undefined {
  return process.env[originVariable];
}

/** The domain of a sender, e.g. 'Polo <newsletter@example.org>' => 'example.org'. */
export function senderDomain(mailFrom: string): string | undefined {
  const address = /<([^<>]*)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = address.split('@').at(-1)?.trim().toLowerCase();
  return address.includes('@') && domain && /^[a-z0-9.-]+$/.test(domain) ? domain : undefined;
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
  };
}

/** Settings from `env`, with the secret made in the data folder if it has to be. */
export function settingsFrom(env: SettingsEnv, place: SettingsPlace = {}): ServerSettings {
  const { secret, dataDir, ...settings } = parseSettings(env, place);
  return { ...settings, secret: secret ?? localSecret(dataDir) };
}
