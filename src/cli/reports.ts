/**
 * Operators' command for accessibility reports: `npm run reports -- <command>`.
 *
 *   list [--format text|json]                  every report, oldest first
 *   export [--format csv|json]                 every report, to standard output
 *   purge [--older-than DAYS]                  delete reports older than DAYS (default 365,
 *                                              the retention the privacy page states)
 *   purge --id N [--id M …]                    delete these reports (e.g. once answered)
 *
 * Reads the same environment as the site (DATABASE_URL, DATABASE_AUTH_TOKEN, DATA_DIR).
 */
import { parseArgs } from 'node:util';
import { runCli, UsageError } from './run-cli.ts';
import { settingsFrom } from '../server/core/settings.ts';
import { readEnv } from '../settings/settings.ts';
import { csvTable } from './csv.ts';
import { jsonText } from './terminal.ts';
import { openDatabase } from '../server/core/db.ts';
import { dayMs } from '../lib/calendar-days.ts';
import {
  listReports,
  purgeReports,
  reportRetention,
  type StoredReport,
} from '../server/reports/store.ts';

const retentionDays = reportRetention / dayMs;
const usage = `Usage: npm run reports -- <command>

  list [--format text|json]
  export [--format csv|json]
  purge [--older-than DAYS]      (default ${retentionDays})
  purge --id N [--id M …]`;

/** A whole number of at least `min` given on the command line, e.g. '30' => 30. */
function count(name: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UsageError(`${name} must be a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}

/** One report for a person to read, its text indented under a line of facts. */
function readable(report: StoredReport): string {
  const facts = [
    `#${report.id}`,
    report.createdAt,
    report.lang,
    report.page || '(no page given)',
    report.email ? `answer to ${report.email}` : '(no address: no answer possible)',
  ].join('  ');
  const lines = report.text.split(/\r?\n/).map((line) => `    ${line}`);
  return `${facts}\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      'older-than': { type: 'string' },
      id: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
  });
  const [command, ...extra] = positionals;
  if (values.help) return void console.log(usage);
  if (!command) throw new UsageError('no command given');
  if (!['list', 'export', 'purge'].includes(command))
    throw new UsageError(`unknown command "${command}"`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (command === 'purge' && values.format !== undefined)
    throw new UsageError('--format goes with list or export');
  if (command !== 'purge' && (values['older-than'] !== undefined || values.id !== undefined))
    throw new UsageError('--older-than and --id go with purge only');
  if (values['older-than'] !== undefined && values.id !== undefined)
    throw new UsageError('purge takes --older-than or --id, not both');
  const formats = command === 'list' ? ['text', 'json'] : ['csv', 'json'];
  const format = values.format ?? formats[0];
  if (format !== undefined && !formats.includes(format))
    throw new UsageError(`--format must be ${formats.join(' or ')}, not "${format}"`);
  const ids = values.id?.map((id) => count('--id', id, 1));
  const olderThanDays = count('--older-than', values['older-than'] ?? String(retentionDays), 0);

  const config = settingsFrom(readEnv('commands'));
  const db = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  try {
    if (command === 'purge') {
      const deleted = await purgeReports(
        db,
        ids ? { ids } : { olderThanMs: olderThanDays * dayMs },
      );
      console.log(
        ids
          ? `Deleted ${deleted} of the ${ids.length} report(s) named.`
          : `Deleted ${deleted} report(s) older than ${olderThanDays} day(s).`,
      );
      return;
    }
    const reports = await listReports(db);
    if (format === 'json') process.stdout.write(`${jsonText(reports)}\n`);
    else if (format === 'csv')
      process.stdout.write(
        csvTable(
          ['id', 'created_at', 'lang', 'page', 'email', 'text'],
          reports.map((r) => [String(r.id), r.createdAt, r.lang, r.page, r.email, r.text]),
        ),
      );
    else if (reports.length === 0) console.log('No reports.');
    else process.stdout.write(reports.map(readable).join('\n'));
  } finally {
    db.close();
  }
}

runCli('reports', usage, main);
