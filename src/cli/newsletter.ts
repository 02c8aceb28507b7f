/**
 * Operators' command: `npm run newsletter -- <command>`.
 *
 *   export [--lang xx] [--format csv|json]   confirmed subscribers, to standard output
 *   stats                                     counts by status, language and outbox
 *   purge                                     delete signups unconfirmed after 30 days
 *   send [--all]                              send the mails due in the outbox; --all also those
 *                                             waiting to be retried (after an SMTP outage)
 *   send-notices [--dry-run]                  mail the notices marked `newsletter: true` to the
 *                                             confirmed subscribers now (after `npm run build`;
 *                                             the server's jobs do it by themselves)
 *   send-notices --preview SLUG --lang xx [--out FILE]   one notice mail, to look at first
 *   backup FILE                               a consistent copy of the local database (mode 600),
 *                                             while the server runs
 *   restore FILE [--force]                    the copy back, once checked; only while no server
 *                                             has the database open (--force: anyway)
 *
 * Reads the same environment as the site (DATABASE_URL, SMTP_URL, MAIL_FROM, NEWSLETTER_SECRET,
 * SITE_URL, STAFF_EMAIL), and NEWSLETTER_SEND_RATE; the build from POLO_OUT_DIR (default dist).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCli, UsageError } from './run-cli.ts';
import { jsonText, writeRawStderr } from './terminal.ts';
import { localeCodes, sourceLocale } from '../lib/locales.ts';
import { parseSettings, settingsFrom, type ServerSettings } from '../server/core/settings.ts';
import { BackupError, backupDatabase, restoreDatabase } from '../server/core/backup.ts';
import { readEnv } from '../settings/settings.ts';
import { openDatabase, type Database } from '../server/core/db.ts';
import { senderFor, drainOutbox, rawMessage } from '../server/mail/transport.ts';
import { MissingBuildError, readBundles } from '../server/newsletter/notices/bundle.ts';
import { noticeMail } from '../server/mail/templates/notice.ts';
import {
  audienceByLanguage,
  pendingByLanguage,
  startedNotices,
} from '../server/newsletter/notices/deliveries.ts';
import { progressLine, summaryLine, duration } from '../server/newsletter/notices/progress.ts';
import { noticesToMail, sendUnderLease } from '../server/newsletter/notices/send.ts';
import { toCsv } from './csv.ts';
import { confirmedSubscribers, purge, settleSignups, stats } from '../server/newsletter/store.ts';
import { leaveLinks, noticePage } from '../server/newsletter/links.ts';
import { emailHash, tokenFiller, unsubscribeToken } from '../server/newsletter/tokens.ts';

const usage = `Usage: npm run newsletter -- <command>

  export [--lang ${localeCodes.join('|')}] [--format csv|json]
  stats
  purge
  send [--all]
  send-notices [--dry-run]
  send-notices --preview SLUG --lang ${localeCodes.join('|')} [--out FILE]
  backup FILE
  restore FILE [--force]`;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      lang: { type: 'string' },
      format: { type: 'string' },
      all: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      preview: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
      force: { type: 'boolean' },
    },
  });
  const [command, ...extra] = positionals;
  if (values.help) return void console.log(usage);
  if (!command) throw new UsageError('no command given');
  const copying = command === 'backup' || command === 'restore';
  if (copying && extra.length !== 1) throw new UsageError(`${command} needs one FILE`);
  if (command !== 'restore' && values.force) throw new UsageError('--force goes with restore only');
  if (!copying && extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const previewing = values.preview !== undefined;
  if (command !== 'export' && values.format !== undefined) {
    throw new UsageError('--format goes with export only');
  }
  if (command !== 'export' && !previewing && values.lang !== undefined) {
    throw new UsageError('--lang goes with export, or with send-notices --preview');
  }
  if (command !== 'send' && values.all) throw new UsageError('--all goes with send only');
  if (command !== 'send-notices' && (values['dry-run'] || previewing || values.out !== undefined)) {
    throw new UsageError('--dry-run, --preview and --out go with send-notices only');
  }
  if (previewing && values.lang === undefined) throw new UsageError('--preview needs --lang');
  if (previewing && values['dry-run']) throw new UsageError('--preview and --dry-run go apart');
  if (values.out !== undefined && !previewing) throw new UsageError('--out goes with --preview');
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json')
    throw new UsageError(`--format must be csv or json, not "${format}"`);
  if (values.lang !== undefined && !(localeCodes as readonly string[]).includes(values.lang)) {
    throw new UsageError(`--lang must be one of ${localeCodes.join(', ')}, not "${values.lang}"`);
  }
  if (!['export', 'stats', 'purge', 'send', 'send-notices', 'backup', 'restore'].includes(command))
    throw new UsageError(`unknown command "${command}"`);
  if (copying) return copy(command, extra[0] ?? '', values.force ?? false);

  const config = settingsFrom(readEnv('commands'));
  if (command === 'send-notices' && previewing) {
    return preview(config, values.preview ?? '', values.lang ?? sourceLocale, values.out);
  }
  const db = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  try {
    switch (command) {
      case 'export': {
        const rows = await confirmedSubscribers(db, values.lang);
        process.stdout.write(format === 'json' ? `${jsonText(rows)}\n` : toCsv(rows));
        break;
      }
      case 'stats':
        console.log(jsonText(await stats(db)));
        break;
      case 'purge': {
        const { pending } = await purge(db);
        console.log(`Deleted ${pending} signup(s) left unconfirmed for more than 30 days.`);
        break;
      }
      case 'send': {
        const sender = senderFor(config);
        // Signups a server received but did not settle (it stopped right after answering).
        while ((await settleSignups(db)) > 0);
        const { sent, failed, refused } = await drainOutbox(
          db,
          sender,
          tokenFiller(config.secret),
          {
            includeWaiting: values.all ?? false,
            limit: 10_000,
          },
        );
        console.log(
          `Sent ${sent} mail(s); ${failed} failed and stay queued for a later try; ${refused} refused for good by the mail server and dropped.`,
        );
        if (failed + refused > 0) process.exitCode = 1;
        sender.close();
        break;
      }
      case 'send-notices':
        await (values['dry-run'] ? dryRun(db, config) : sendAll(db, config));
        break;
    }
  } finally {
    db.close();
  }
}

/** `backup FILE`, `restore FILE`: never opens the database as the other commands do (that holds it). */
async function copy(command: 'backup' | 'restore', file: string, force: boolean): Promise<void> {
  const { databaseUrl } = parseSettings(readEnv('commands'));
  const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (command === 'backup') {
    const done = await backupDatabase(databaseUrl, file);
    console.log(
      `Backed up to ${done.file} (${size(done.bytes)} in ${(done.ms / 1000).toFixed(2)} s; integrity_check ok).`,
    );
    return;
  }
  const done = await restoreDatabase(databaseUrl, file, { force });
  console.log(
    `Restored ${done.file} from ${file} (${size(done.bytes)}; integrity_check ok).${done.kept ? ` The database it replaced is kept as ${done.kept}.` : ''} Start the server again.`,
  );
}

/** The build's notice bundles; the build's folder is POLO_OUT_DIR, as for `astro build`. */
const bundles = (config: ServerSettings) => readBundles(config.outDir, localeCodes);

/** `send-notices --dry-run`: what would go, by notice and language; nothing is sent or written. */
async function dryRun(db: Database, config: ServerSettings): Promise<void> {
  const notices = noticesToMail(bundles(config));
  const started = await startedNotices(db);
  const everyone = await audienceByLanguage(db);
  let total = 0;
  for (const notice of notices) {
    const counts = started.has(notice.slug) ? await pendingByLanguage(db, notice.slug) : everyone;
    const sum = Object.values(counts).reduce((a, b) => a + b, 0);
    total += sum;
    const byLang = localeCodes.map((lang) => `${lang} ${counts[lang] ?? 0}`).join(', ');
    const state = started.has(notice.slug) ? 'left of a send already started' : 'new';
    console.log(`${notice.slug} (${state}): ${sum} subscriber(s): ${byLang}`);
  }
  if (notices.length === 0) console.log('No notice has `newsletter: true` in this build.');
  console.log(`Dry run: ${total} mail(s) would go. Nothing was sent.`);
}

/**
 * `send-notices`: takes the senders' lease, sends until done, prints a summary, mails the
 * receipts of the notices it finished; non-zero while any is left.
 */
async function sendAll(db: Database, config: ServerSettings): Promise<void> {
  const built = bundles(config);
  const sender = senderFor(config, { pool: true });
  // Ctrl-C or a service manager's SIGTERM: finish the mail in flight, record it, stop.
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
  const started = Date.now();
  let shown = 0;
  const tty = process.stderr.isTTY;
  try {
    const result = await sendUnderLease(db, sender, built, {
      siteUrl: config.siteUrl,
      secret: config.secret,
      ratePerMinute: config.sendRate,
      staffEmail: config.staffEmail,
      stopping: () => stopping,
      onProgress(done, total) {
        if (!tty || (Date.now() - shown < 250 && done < total)) return;
        shown = Date.now();
        // Its own cursor codes: one line rewritten in place; the line holds only numbers.
        writeRawStderr(`\r${progressLine(done, total, Date.now() - started)}\x1b[K`);
      },
    });
    if ('heldBy' in result) {
      const { host, pid, expiresAt } = result.heldBy;
      console.error(
        `newsletter: another sender is running (${host}, process ${pid}); its lease ends in ${duration(expiresAt - Date.now())} if it stops. Nothing was sent.`,
      );
      process.exitCode = 75;
      return;
    }
    if (tty && shown > 0) process.stderr.write('\n');
    for (const slug of result.closureOver) {
      console.log(`${slug}: not sent, its closure is over.`);
    }
    if (result.stoppedBecause) console.log(`Stopped early: ${result.stoppedBecause}.`);
    console.log(summaryLine(result));
    if (result.receipts > 0) {
      // The receipts wait in the outbox with the rest: send what is due now.
      await drainOutbox(db, sender, tokenFiller(config.secret));
      console.log(`Receipts for the staff (STAFF_EMAIL): ${result.receipts}.`);
    }
    if (result.left > 0) process.exitCode = 1;
  } finally {
    sender.close();
  }
}

/** `send-notices --preview SLUG --lang xx`: one mail as a mail program gets it (.eml). */
async function preview(
  config: ServerSettings,
  slug: string,
  lang: string,
  out: string | undefined,
): Promise<void> {
  const bundle = bundles(config).get(lang);
  const notice = bundle?.notices.find((n) => n.slug === slug);
  if (!bundle || !notice) {
    throw new UsageError(`no notice "${slug}" with \`newsletter: true\` in this build`);
  }
  // A made-up subscriber: the links have their real shape, and lead nowhere.
  const token = unsubscribeToken(config.secret, emailHash(config.secret, 'preview@example.org'));
  const mail = noticeMail(
    'preview@example.org',
    bundle,
    notice,
    {
      page: noticePage(config.siteUrl, lang, slug),
      ...leaveLinks(config.siteUrl, lang, token),
    },
    config.siteUrl,
  );
  const raw = await rawMessage(mail, {
    from: config.mailFrom,
    outboxDir: config.outboxDir,
    domain: config.mailDomain,
  });
  if (out) {
    writeFileSync(out, raw);
    console.log(`Written to ${out}.`);
  } else process.stdout.write(raw);
}

runCli('newsletter', usage, main, [MissingBuildError, BackupError]);
