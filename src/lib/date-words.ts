/**
 * A date in a language's words without Intl: the build (src/lib/dates.ts) makes each language's
 * words once, and the pages, mails and the service worker fill them in, so that every engine
 * writes the same date (a browser may lack a language's data, or hold another month-name set).
 */

/** A date's shape and the twelve month names, January first, e.g. '{day} {month} {year}'. */
export interface DateWords {
  pattern: string;
  months: readonly string[];
}

/**
 * A calendar date in words, e.g. fillDate({ pattern: '{day} {month} {year}', months: […,
 * 'dicembre'] }, '2026-12-04') => '4 dicembre 2026'.
 */
export function fillDate({ pattern, months }: DateWords, isoDate: string): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  const parts: Record<string, string> = {
    day: String(day),
    month: months[month - 1] ?? '',
    year: String(year),
  };
  return pattern.replace(/\{(day|month|year)\}/g, (_, part: string) => parts[part] ?? '');
}
