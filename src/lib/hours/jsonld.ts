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
import { previousDay } from './holidays';
import type { UpcomingClosure } from './upcoming';
import type { ScheduleData, Week } from './schedule';
import { weekdays, type Weekday } from '../dates';

const dayOfWeek = (day: Weekday) =>
  `https://schema.org/${day.charAt(0).toUpperCase()}${day.slice(1)}` as DayOfWeek;

export interface PlaceFacts {
  name: string;
  description: string;
  url: string;
  /** From content/place.yaml; the optional ones only once staff have filled them in. */
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
  const groups = new Map<string, { opens: string; closes: string; days: DayOfWeek[] }>();
  for (const day of weekdays) {
    for (const { opens, closes } of week[day] ?? []) {
      const group = groups.get(`${opens}-${closes}`) ?? { opens, closes, days: [] };
      group.days.push(dayOfWeek(day));
      groups.set(`${opens}-${closes}`, group);
    }
  }
  return [...groups.values()].map(({ opens, closes, days }) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: days,
    opens,
    closes,
    ...validity,
  }));
}

/** The JSON-LD object; `closures` are the upcoming closed days and ranges. */
export function placeJsonLd(
  data: ScheduleData,
  closures: UpcomingClosure[],
  facts: PlaceFacts,
): WithContext<GovernmentOffice> {
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
    address: {
      '@type': 'PostalAddress',
      addressLocality: facts.city,
      addressCountry: 'IT',
      ...(facts.streetAddress ? { streetAddress: facts.streetAddress } : {}),
    },
    ...(facts.telephone ? { telephone: facts.telephone } : {}),
    ...(facts.email ? { email: facts.email } : {}),
    openingHoursSpecification: weekly,
    ...(special.length > 0 ? { specialOpeningHoursSpecification: special } : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`, with `<` escaped so it cannot end the tag. */
export function jsonLdScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
