/**
 * The status line's strings in a language as the page gives them to the browser, put together
 * by the tests from content/ui/ and content/holidays.yaml (names isolated in right-to-left text,
 * the Italian name where the file has none in the language).
 */
import { uiString } from './ui-strings';
import { holidayNamesIn } from './content-facts';
import { uiKeys } from '../../src/schemas/ui';
import { dateWords, weekdayName, weekdays } from '../../src/lib/dates';
import { fillDate } from '../../src/lib/date-words';
import { isolate } from '../../src/lib/bidi';
import { localeInfo, type Locale } from '../../src/lib/locales';
import type { StatusKey, StatusStrings } from '../../src/i18n/status-text';

/** The status line's strings in `lang`, e.g. stringsOf('ar').rtl => true. */
export function stringsOf(lang: Locale): StatusStrings {
  const { intl, dir } = localeInfo(lang);
  const rtl = dir === 'rtl';
  return {
    rtl,
    weekdays: weekdays.map((day) => weekdayName(day, intl)),
    // The language's own month names (src/lib/dates.ts), as the page writes them.
    months: Array.from({ length: 12 }, (_, m) =>
      fillDate(dateWords(intl, 'dayMonth'), `2024-${m + 1}-22`).replace('22', '#'),
    ),
    times: {},
    text: Object.fromEntries(
      uiKeys.filter((key) => key.startsWith('status.')).map((key) => [key, uiString(lang, key)]),
    ) as Record<StatusKey, string>,
    holidays: holidayNamesIn(lang).map((name) => (rtl ? isolate(name) : name)),
  };
}
