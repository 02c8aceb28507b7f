/** Dates in sentences of the page's language: one way for pages and mails alike. */
import { formatDate } from '../lib/dates';
import type { Translator } from './translate';

/** A date in words, kept in its order inside right-to-left text, e.g. '26 novembre 2026'. */
export const dateText = (t: Translator, intl: string, iso: string) =>
  t.isolate(formatDate(iso, intl));

/** A closure's days in a sentence, e.g. 'Closed from 24 December 2026 to 7 January 2027.' */
export const closureText = (t: Translator, intl: string, closure: { from: string; to: string }) =>
  t('notices.closure', {
    from: dateText(t, intl, closure.from),
    to: dateText(t, intl, closure.to),
  });
