/**
 * Operators' command: `npm run newsletter -- <command>`.
 *
 *   export [--lang xx] [--format csv|json]   confirmed subscribers, to standard output
 *   stats                                     counts by status, language and outbox
 *   purge                                     delete signups unconfirmed after 30 days
 *   send [--all]                              send the mails due in the outbox; --all also those
 *                                             waiting to be retried (after an SMTP outage)
 *
 * Reads the same environment as the site (DATABASE_URL, SMTP_URL, MAIL_FROM, NEWSLETTER_SECRET).
 */
import { parseArgs } from 'node:util';
import { localeCodes } from '../i18n/locales.ts';
import { ConfigError, configFrom } from '../server/newsletter/config.ts';
import { openDatabase } from '../server/newsletter/db.ts';
import { createSender, drainOutbox } from '../server/newsletter/mail.ts';
import { confirmedSubscribers, purge, stats, type Subscriber } from '../server/newsletter/store.ts';

const usage = `Usage: npm run newsletter -- <command>

  export [--lang ${localeCodes.join('|')}] [--format csv|json]
  stats
  purge
  send [--all]`;

class UsageError extends Error {}

/** One CSV cell; a leading = + - @ is defused so spreadsheets never run it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: Subscriber[]): string {
  const header = ['email', 'lang', 'consent_version', 'submitted_at', 'confirmed_at'];
  const lines = rows.map((r) =>
    [r.email, r.lang, r.consentVersion, r.submittedAt, r.confirmedAt].map(csvCell).join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      lang: { type: 'string' },
      format: { type: 'string' },
      all: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const [command, ...extra] = positionals;
  if (values.help) return void console.log(usage);
  if (!command) throw new UsageError('no command given');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (command !== 'export' && (values.lang !== undefined || values.format !== undefined)) {
    throw new UsageError('--lang and --format go with export only');
  }
  if (command !== 'send' && values.all) throw new UsageError('--all goes with send only');
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json')
    throw new UsageError(`--format must be csv or json, not "${format}"`);
  if (values.lang !== undefined && !(localeCodes as readonly string[]).includes(values.lang)) {
    throw new UsageError(`--lang must be one of ${localeCodes.join(', ')}, not "${values.lang}"`);
  }
  if (!['export', 'stats', 'purge', 'send'].includes(command))
    throw new UsageError(`unknown command "${command}"`);

  const config = configFrom(process.env);
  const db = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  try {
    switch (command) {
      case 'export': {
        const rows = await confirmedSubscribers(db, values.lang);
        process.stdout.write(
          format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : toCsv(rows),
        );
        break;
      }
      case 'stats':
        console.log(JSON.stringify(await stats(db), null, 2));
        break;
      case 'purge': {
        const { pending } = await purge(db);
        console.log(`Deleted ${pending} signup(s) left unconfirmed for more than 30 days.`);
        break;
      }
      case 'send': {
        const sender = createSender({
          smtpUrl: config.smtpUrl,
          from: config.mailFrom,
          outboxDir: config.outboxDir,
        });
        const { sent, failed } = await drainOutbox(db, sender, {
          includeWaiting: values.all ?? false,
          limit: 10_000,
        });
        console.log(`Sent ${sent} mail(s); ${failed} failed and stay queued for a later try.`);
        if (failed > 0) process.exitCode = 1;
        break;
      }
    }
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    console.error(`newsletter: ${(error as Error).message}\n\n${usage}`);
    process.exitCode = 2;
  } else if (error instanceof ConfigError) {
    console.error(`newsletter: ${error.message}`);
    process.exitCode = 2;
  } else {
    console.error(`newsletter: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
});
