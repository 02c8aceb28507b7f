/**
 * The weekly hours in words of one language, for the table and for messages, e.g.
 * 'dalle 09:00 alle 13:00 e dalle 15:00 alle 18:00'. Times are isolated in right-to-left text.
 */
import { formatTime, weekdayName, type Weekday } from '../lib/dates';
import { daysBySlots, type Slot } from '../lib/hours/schedule';
import type { Translator } from './translate';

/**
 * A day's periods, e.g. [09:00–13:00, 15:00–18:00] => 'dalle 09:00 alle 13:00 e dalle 15:00
 * alle 18:00'. Intl.ListFormat joins them as each language does (Arabic 'و' joins the word).
 */
export function slotsText(slots: readonly Slot[], intl: string, t: Translator): string {
  return new Intl.ListFormat(intl, { style: 'long', type: 'conjunction' }).format(
    slots.map((s) =>
      t('hours.range', {
        opens: t.isolate(formatTime(s.opens, intl)),
        closes: t.isolate(formatTime(s.closes, intl)),
      }),
    ),
  );
}

/**
 * The whole week in one line, days with the same periods together, e.g.
 * 'lunedì, mercoledì e giovedì: dalle 09:00 alle 13:00 e dalle 15:00 alle 18:00'.
 */
export function weekText(
  weekly: readonly { day: Weekday; slots: readonly Slot[] }[],
  intl: string,
  t: Translator,
): string {
  const week = Object.fromEntries(weekly.map(({ day, slots }) => [day, [...slots]]));
  const list = new Intl.ListFormat(intl, { style: 'long', type: 'conjunction' });
  return daysBySlots(week)
    .map(({ slots, days }) =>
      t('share.hours.group', {
        days: list.format(days.map((day) => weekdayName(day, intl))),
        times: slotsText(slots, intl, t),
      }),
    )
    .join(' · ');
}

/**
 * The hours in one sentence, made from the timetable so it can never say other days than the
 * table, e.g. 'Il Polo riceve lunedì, mercoledì e giovedì, dalle 09:00 alle 13:00 e …'.
 */
export function hoursSentence(
  weekly: readonly { day: Weekday; slots: readonly Slot[] }[],
  intl: string,
  t: Translator,
): string {
  return t('hours.summary', { week: weekText(weekly, intl, t) });
}
