/**
 * Operators' command on the content: `npm run content -- <command>`.
 *
 *   translations           the translations made from older Italian words, by language, with
 *                          the day the Italian changed; then those that do not say which
 *                          Italian words they translate; then the recordings made before the
 *                          Italian they speak changed (the hours page's included); then the
 *                          holiday names not written in a language yet. Exit code 0: a list, not a failure
 *   translations --stamp   records each of the latter as translating the Italian as it is now
 *
 * Reads the files under POLO_CONTENT_DIR (default `content/`) as written: no build needed.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli, UsageError } from './run-cli.ts';
import { buildSettings } from '../settings/settings.ts';
import { readTranslations, stampUntracked, translationsReport } from './translations.ts';
import { holidayNamesReport, missingHolidayNames } from './holiday-names.ts';
import { readOutdatedRecordings, recordingsReport } from './recordings.ts';

const usage = `Usage: npm run content -- <command>

  translations           list the outdated translations, the untracked ones, the outdated
                         recordings, and the holiday names not written in a language yet
  translations --stamp   mark the untracked ones as translating the Italian text as it is now`;

function main(argv: string[]): void {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { stamp: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  const [command, ...extra] = positionals;
  if (values.help) return void console.log(usage);
  if (!command) throw new UsageError('no command given');
  if (command !== 'translations') throw new UsageError(`unknown command "${command}"`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);

  // The folder the build reads, so the list speaks of the content the site is built from.
  const contentDir = resolve(buildSettings().contentDir);
  const files = readTranslations(contentDir);
  if (values.stamp) {
    const stamped = stampUntracked(files);
    for (const file of stamped)
      console.log(`stamped ${file.file} (translationOf: ${file.italianRevision})`);
    console.log(
      stamped.length === 0
        ? 'Nothing to stamp: every translation says which Italian text it translates.'
        : `${stamped.length} translations now say they translate the Italian text as it is.`,
    );
    return;
  }
  console.log(translationsReport(files));
  console.log(`\n${recordingsReport(readOutdatedRecordings(contentDir))}`);
  console.log(`\n${holidayNamesReport(missingHolidayNames(contentDir))}`);
}

// Reading files needs no waiting; runCli takes a promise, and reports what `main` throws.
runCli('content', usage, (argv) => Promise.resolve().then(() => main(argv)));
