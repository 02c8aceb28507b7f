/**
 * schema.org description of the Polo for search engines and assistants: the weekly hours as
 * `openingHoursSpecification`, each closed day as a special day (opens = closes = 00:00).
 * Typed with schema-dts, so a property schema.org does not have fails the type check.
 */
import type {
  DayOfWeek,
  GovernmentOffice,
  OpeningHoursSpecification,
  WithContext,
} from 'schema-dts';
import type { UpcomingClosure } from './upcoming';
import { daysBySlot, type ScheduleData, type Week } from './schedule';
import { previousDay, type Weekday } from '../calendar-days';

const dayOfWeek = (day: Weekday) =>
  `https://schema.org/${day.charAt(0).toUpperCase()}${day.slice(1)}` as DayOfWeek;

export interface PlaceFacts {
  name: string;
  description: string;
  url: string;
  /** From content/place.yaml; the optional ones only once staff have filled them in. */
  venue: string;
  city: string;
  streetAddress?: string | undefined;
  telephone?: string | undefined;
  email?: string | undefined;
}

/** A timetable as specifications, periods shared by several days together. */
function weekSpecification(
  week: Week,
  validity: { validFrom?: string; validThrough?: string },
): OpeningHoursSpecification[] {
  return daysBySlot(week).map(({ slot, days }) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: days.map(dayOfWeek),
    opens: slot.opens,
    closes: slot.closes,
    ...validity,
  }));
}

/** The JSON-LD object; `closures` are the upcoming closed days and ranges. */
export function placeJsonLd(
  data: ScheduleData,
  closures: UpcomingClosure[],
  facts: PlaceFacts,
): WithContext<GovernmentOffice> {
  const address = {
    '@type': 'PostalAddress',
    addressLocality: facts.city,
    addressCountry: 'IT',
    ...(facts.streetAddress ? { streetAddress: facts.streetAddress } : {}),
  } as const;
  const weekly = data.next
    ? [
        ...weekSpecification(data.weekly, { validThrough: previousDay(data.next.from) }),
        ...weekSpecification(data.next.weekly, { validFrom: data.next.from }),
      ]
    : weekSpecification(data.weekly, {});
  const special = closures.map((c): OpeningHoursSpecification => ({
    '@type': 'OpeningHoursSpecification',
    validFrom: c.kind === 'holiday' ? c.date : c.from,
    validThrough: c.kind === 'holiday' ? c.date : c.to,
    opens: '00:00',
    closes: '00:00',
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOffice',
    name: facts.name,
    description: facts.description,
    url: facts.url,
    address,
    location: { '@type': 'Place', name: facts.venue, address },
    ...(facts.telephone ? { telephone: facts.telephone } : {}),
    ...(facts.email ? { email: facts.email } : {}),
    openingHoursSpecification: weekly,
    ...(special.length > 0 ? { specialOpeningHoursSpecification: special } : {}),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`, with `<` escaped so it cannot end the tag
 * and without the bidi isolates that right-to-left page text carries (data has no direction).
 */
export function jsonLdScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/</g, '\\u003c');
}
