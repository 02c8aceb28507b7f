/**
 * The holiday names not yet written in a language (content/holidays.yaml), for
 * `npm run content -- translations`: such a holiday shows its Italian name on that language's
 * pages until someone writes it. Read from the file as written, as the build reads it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { localeCodes, sourceLocale } from '../lib/locales.ts';
import { contentCollections } from '../schemas/collections.ts';

/** A holiday with no name in a language, e.g. { lang: 'so', name: 'Festa del Polo' }. */
export interface MissingHolidayName {
  lang: string;
  /** The holiday's Italian name. */
  name: string;
}

interface WrittenHoliday {
  name?: unknown;
  names?: Record<string, unknown> | null;
}

/** Every holiday without a name in a language, by language in the site's order. */
export function missingHolidayNames(contentDir: string): MissingHolidayName[] {
  const path = join(contentDir, contentCollections.holidays.path);
  if (!existsSync(path)) return [];
  const file = parse(readFileSync(path, 'utf8')) as { polo?: { holidays?: WrittenHoliday[] } };
  const holidays = file?.polo?.holidays ?? [];
  return localeCodes
    .filter((lang) => lang !== sourceLocale)
    .flatMap((lang) =>
      holidays
        .filter(({ names }) => typeof names?.[lang] !== 'string' || names[lang] === '')
        .map(({ name }) => ({ lang, name: typeof name === 'string' ? name : '' })),
    );
}

/**
 * What the list says of them, e.g.
 *   Holiday names not written yet (shown in Italian meanwhile): 1
 *     so  Festa del Polo
 */
export function holidayNamesReport(missing: readonly MissingHolidayName[]): string {
  if (missing.length === 0) return 'Every holiday has its name in every language.';
  return [
    `Holiday names not written yet (shown in Italian meanwhile): ${missing.length}`,
    ...missing.map(({ lang, name }) => `  ${lang}  ${name}`),
    `Write them under names in ${contentCollections.holidays.path}, or in the editor (Festività).`,
  ].join('\n');
}
