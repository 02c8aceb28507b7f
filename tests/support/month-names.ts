/**
 * Each language's one set of month names (src/lib/dates.ts, docs/languages.md#dates) and the
 * names its dates must never show: the other languages' sets, every set Intl knows for the
 * site's languages (Sinhala's traditional lunar names among them), and the Arabic sets of the
 * Levant and the Maghreb. A date "never M12": Chromium's answer for a language it lacks.
 */
import { dateWords } from '../../src/lib/dates';
import { localeInfo, locales } from '../../src/lib/locales';

/** Month names used in the Arab world beside the site's (Egypt, the Gulf, CLDR's). */
const otherArabicSets = [
  // Syria, Lebanon, Jordan, Iraq, Palestine.
  'كانون الثاني،شباط،آذار،نيسان،أيار،حزيران،تموز،آب،أيلول،تشرين الأول،تشرين الثاني،كانون الأول',
  // Tunisia, Algeria.
  'جانفي،فيفري،مارس،أفريل،ماي،جوان،جويلية،أوت،سبتمبر،أكتوبر،نوفمبر،ديسمبر',
  // Morocco.
  'يناير،فبراير،مارس،أبريل،ماي،يونيو،يوليوز،غشت،شتنبر،أكتوبر،نونبر،دجنبر',
].flatMap((set) => set.split('،'));

/** The month names a language's dates use, January first. */
export const chosenMonths = (lang: string) => dateWords(localeInfo(lang as never).intl).months;

/** Intl's own month names for a tag, as a date writes them (not the stand-alone form). */
function intlMonths(intl: string): string[] {
  const format = new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone: 'UTC' });
  return Array.from(
    { length: 12 },
    (_, m) =>
      format.formatToParts(Date.UTC(2024, m, 22, 12)).find((p) => p.type === 'month')?.value ?? '',
  );
}

const everyName = new Set([
  ...locales.flatMap((l) => [...chosenMonths(l.code), ...intlMonths(l.intl)]),
  ...otherArabicSets,
]);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Between a month's name and its day or year: spaces, a comma, the marks that isolate a date.
const gap = '[\\s\\u00a0,.\\u200e\\u200f\\u2066-\\u2069]*';

/** A month name where a date has it: beside a number, or the `#` a day takes in a template. */
function asDate(names: string[]): RegExp {
  const any = names
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
  return new RegExp(
    `(?<=[\\d#]${gap})(?:${any})(?![\\p{L}\\p{M}])|(?<![\\p{L}\\p{M}])(?:${any})(?=${gap}[\\d#])`,
    'giu',
  );
}

const foreignDate = new Map<string, RegExp>(
  locales.map(({ code }) => {
    const own = new Set(chosenMonths(code).map((n) => n.toLowerCase()));
    return [code, asDate([...everyName].filter((n) => n && !own.has(n.toLowerCase())))];
  }),
);

/**
 * What is wrong with the dates of a text in `lang`, e.g. ('si', '2026 උඳුවප් 4') =>
 * ['උඳුවප්'], ('so', '2026 M12 4') => ['M12'], ('it', '4 dicembre 2026') => [].
 */
export function misnamedMonths(lang: string, text: string): string[] {
  const numbered = text.match(/(?<![\p{L}\p{N}])M\d{1,2}(?![\p{L}\p{N}])/gu) ?? [];
  return [...numbered, ...(text.match(foreignDate.get(lang) ?? /$^/) ?? [])];
}
