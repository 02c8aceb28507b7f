/**
 * Every setting read from the environment, declared once: its name, check, default, the one
 * line a mistake gives, and its meaning for the README's table. The build (astro.config.mjs),
 * `npm start`, the site's on-demand routes and the operators' commands all read them through
 * this module, and nowhere else. Secrets never leave the server and are never logged.
 */
import { z } from 'zod';
import { emailProblem } from '../lib/email-address.ts';

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
export const asText = (value: unknown) =>
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
        description: 'address `npm start` listens on; `0.0.0.0` or `::`: every interface',
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
        description: 'libSQL database: `file:…`, `libsql://…`, `https://…` or `wss://…`',
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
        description: 'signs links; 32+ characters; never change it; needed with a remote database',
        unset: 'made in `DATA_DIR`',
        secret: true,
      },
    ),
    SMTP_URL: setting(z.string().optional(), {
      description: 'mail server, e.g. `smtps://user:pass@smtp.example.org`',
      unset: 'none: `.eml` files',
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
        description: 'sender, e.g. `Polo <newsletter@…>`; required with `SMTP_URL`',
        unset: 'on the site’s domain',
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
        // Unset: the build's `https://polo-siracusa.it`; under `npm start` the server itself
        // (`http://HOST:PORT`); on Netlify the build's; for the commands `http://127.0.0.1:4321`.
        description: 'public address, for links in pages and mails (docs/operations.md)',
        unset: 'the server’s own',
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
        description: '`true` behind a reverse proxy (client: last `X-Forwarded-For`)',
      },
    ),
    DATA_DIR: setting(z.string().default('.data'), {
      description: 'folder of the local database, secret and mail files',
    }),
    NEWSLETTER_SEND_RATE: setting(wholeNumber({ example: '600' }).optional(), {
      description: 'notices mailed per minute (your mail provider’s limit)',
      unset: 'no limit',
      readBy: ['server', 'commands'],
    }),
    REBUILD_AT: setting(
      z
        .string()
        .default('04:00')
        .refine((time) => time === 'off' || /^([01]\d|2[0-3]):[0-5]\d$/.test(time), {
          error: problem(
            (name, raw) =>
              `${name} must be a time HH:MM (Italian time) or off, e.g. ${name}=04:00, not "${raw.slice(0, 40)}"`,
          ),
        }),
      {
        description: 'time of day (Italy) `npm start` rebuilds the pages; `off`: only on `SIGHUP`',
        readBy: ['server'],
      },
    ),
    // Taken as written: the scheduled function says so when it is missing; nothing else reads it.
    NETLIFY_BUILD_HOOK: setting(z.string().optional(), {
      description: 'Netlify build hook the daily function calls to rebuild the pages',
      unset: 'no daily rebuild',
      secret: true,
      readBy: ['site'],
    }),
    STAFF_EMAIL: setting(
      z
        .string()
        .refine((email) => !emailProblem(email), {
          error: problem(
            (name, raw) =>
              `${name} must be one e-mail address, e.g. ${name}=accessibilita@example.org, not "${raw.slice(0, 80)}"`,
          ),
        })
        .optional(),
      {
        description: 'one address accessibility reports are mailed to',
        unset: 'none: only stored',
      },
    ),
    JOBS_INTERVAL_SECONDS: setting(wholeNumber({ min: 0, example: '300' }).default(300), {
      description: 'seconds between `npm start`’s jobs (notices, outbox, purge); `0`: off',
      readBy: ['server'],
    }),
    // Taken as before: anything but `netlify` builds for the Node server.
    DEPLOY_TARGET: setting(z.string().optional(), {
      description: '`netlify`: build for Netlify’s serverless functions instead of `npm start`',
      unset: 'the Node server of `npm start`',
      readBy: ['build'],
    }),
    POLO_OUT_DIR: setting(z.string().default('dist'), {
      description: 'folder the build writes, `npm start` serves, `npm run newsletter` reads',
      readBy: ['build', 'commands', 'server'],
    }),
    POLO_CACHE_DIR: setting(z.string().default('node_modules/.astro'), {
      description: 'folder of the build’s cache (the tests build copies apart)',
      readBy: ['build'],
    }),
    POLO_CONTENT_DIR: setting(z.string().default('content'), {
      description: 'folder of the content the build reads (the tests build broken copies)',
      readBy: ['build'],
    }),
    CMS_REPO: setting(z.string().optional(), {
      description: 'GitHub repository the editor commits to, e.g. `polo/sito`',
      unset: 'from `REPOSITORY_URL`, else Netlify’s Git Gateway',
      readBy: ['build'],
    }),
    CMS_BRANCH: setting(z.string().optional(), {
      description: 'branch the editor commits to',
      unset: '`BRANCH`, else `main`',
      readBy: ['build'],
    }),
    CMS_BACKEND: setting(z.string().optional(), {
      description: 'the editor’s git host with `CMS_REPO`',
      unset: '`github`',
      readBy: ['build'],
    }),
    CMS_AUTH_URL: setting(z.string().optional(), {
      description: 'the editor’s GitHub login (OAuth) address',
      unset: 'Netlify’s',
      readBy: ['build'],
    }),
    REPOSITORY_URL: setting(z.string().optional(), {
      description: 'set by Netlify on its builds: the repository',
      readBy: ['build'],
    }),
    BRANCH: setting(z.string().optional(), {
      description: 'set by Netlify on its builds: the branch',
      readBy: ['build'],
    }),
    URL: setting(
      z
        .string()
        .refine((url) => URL.canParse(url), {
          error: problem(
            (name, raw) => `${name} must be an absolute address, not "${raw.slice(0, 80)}"`,
          ),
        })
        .optional(),
      {
        // Netlify's scheduled jobs fetch the notices from it, and link to it without SITE_URL.
        description: 'set by Netlify on its functions: the site’s address',
        readBy: ['site'],
      },
    ),
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

/** The domain of a sender, e.g. 'Polo <newsletter@example.org>' => 'example.org'. */
export function senderDomain(mailFrom: string): string | undefined {
  const address = /<([^<>]*)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = address.split('@').at(-1)?.trim().toLowerCase();
  return address.includes('@') && domain && /^[a-z0-9.-]+$/.test(domain) ? domain : undefined;
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

/**
 * The environment of the build `npm start` runs daily: the server's own, with its folders,
 * and always for the Node server, whatever DEPLOY_TARGET says.
 */
export function rebuildEnv(outDir: string, cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, POLO_OUT_DIR: outDir, POLO_CACHE_DIR: cacheDir };
  delete env['DEPLOY_TARGET'];
  return env;
}

/** What the build takes from the environment (astro.config.mjs, the content loader, /admin/). */
export function buildSettings(env: SettingsEnv = readEnv('build')) {
  const settings = checkSettings(env);
  return {
    site: settings.SITE_URL ?? 'https://polo-siracusa.it',
    netlify: settings.DEPLOY_TARGET === 'netlify',
    outDir: settings.POLO_OUT_DIR,
    cacheDir: settings.POLO_CACHE_DIR,
    contentDir: settings.POLO_CONTENT_DIR,
    // Where the editor commits: cms/backend.ts reads these names.
    cms: {
      CMS_REPO: settings.CMS_REPO,
      CMS_BRANCH: settings.CMS_BRANCH,
      CMS_BACKEND: settings.CMS_BACKEND,
      CMS_AUTH_URL: settings.CMS_AUTH_URL,
      REPOSITORY_URL: settings.REPOSITORY_URL,
      BRANCH: settings.BRANCH,
    },
  };
}
