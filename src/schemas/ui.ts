/**
 * The interface strings of one language (`content/ui/{lang}.yaml`). Every key is required and
 * no other key is allowed, so a missing or misspelt string fails the build.
 * `{name}` placeholders are filled by `t()`; plural forms end in `.one` / `.other`
 * (the keys Intl.PluralRules answers with, `other` always required).
 */
import { z } from 'astro/zod';

export const uiKeys = [
  'site.name',
  'site.description',
  'skip.link',
  'nav.label',
  'nav.home',
  'nav.activities',
  'nav.hours',
  'nav.programme',
  'nav.notices',
  'lang.label',
  'chooser.title',
  'chooser.intro',
  'footer.label',
  'footer.funding',
  'footer.privacy',
  'footer.accessibility',
  'translation.machine',
  'translation.fallback',
  'review.last',
  'home.where',
  'home.activities.title',
  'home.hours.title',
  'home.hours.all',
  'home.notices.title',
  'home.notices.all',
  'activity.staff',
  'activity.hours.title',
  'activity.others',
  'activity.address',
  'activity.phone',
  'activity.email',
  'activity.bring',
  'hours.title',
  'hours.summary',
  'hours.intro',
  'hours.caption',
  'hours.day',
  'hours.times',
  'hours.closed',
  'hours.range',
  'hours.and',
  'programme.partners',
  'partners.role.co-designer',
  'partners.role.collaborator',
  'partners.role.job-centre',
  'partners.role.funder',
  'notices.title',
  'notices.summary',
  'notices.empty',
  'notices.published',
  'notices.closure',
  'notices.activity',
  'notices.rss',
  'notices.back',
  'notices.count.one',
  'notices.count.other',
  'notfound.title',
  'notfound.body',
  'notfound.home',
  'status.open',
  'status.closed',
  'status.lunch',
  'status.holiday',
  'status.closure',
  'status.next.today',
  'status.next.tomorrow',
  'status.next.weekday',
  'status.next.date',
  'status.next.none',
  'holiday.new-year',
  'holiday.epiphany',
  'holiday.easter-monday',
  'holiday.liberation',
  'holiday.labour',
  'holiday.republic',
  'holiday.assumption',
  'holiday.all-saints',
  'holiday.immaculate',
  'holiday.christmas',
  'holiday.st-stephen',
  'holiday.santa-lucia',
  'hours.holidays',
  'hours.upcoming.title',
  'hours.upcoming.empty',
  'hours.upcoming.range',
  'hours.calendar',
  'hours.calendar.hint',
  'ics.summary',
] as const;

export type UiKey = (typeof uiKeys)[number];

const message = (key: string) =>
  z
    .string({ error: `the text for "${key}" is missing` })
    .trim()
    .min(1, `the text for "${key}" is empty`);

export const uiSchema = z.strictObject(
  Object.fromEntries(uiKeys.map((key) => [key, message(key)])) as Record<
    UiKey,
    ReturnType<typeof message>
  >,
);

export type UiStrings = z.infer<typeof uiSchema>;
