/**
 * The Polo's place in words and links, for pages, cards, share texts and the calendar file.
 * Only what content/place.yaml holds: an absent address, phone or e-mail gives nothing.
 */
import type { Locale } from '../lib/locales';
import type { Place } from '../schemas/content';

/** The venue as a language shows it: always in Latin letters, e.g. 'Comune dei Popoli'. */
export interface PlaceName {
  latin: string;
  /** The same name in the language's own script, where it has another (Arabic, Sinhala…). */
  script?: string | undefined;
}

/** The venue for `lang`, e.g. ('ar') => { latin: 'Comune dei Popoli', script: '…' }. */
export function venueName(place: Place, lang: Locale): PlaceName {
  return { latin: place.venue, script: place.venueInScript?.[lang] };
}

/**
 * The place in one line of plain text, e.g. 'Comune dei Popoli, Siracusa' or, with the street
 * filled in, 'Comune dei Popoli, Via …, Siracusa'. The script name follows in brackets.
 */
export function placeText(place: Place, lang: Locale): string {
  const { latin, script } = venueName(place, lang);
  const line = [latin, place.address, place.city].filter(Boolean).join(', ');
  return script ? `${line} (${script})` : line;
}

/** An OpenStreetMap search for the street address, or undefined while there is none. */
export function mapHref(place: Place): string | undefined {
  if (!place.address) return undefined;
  const query = `${place.address}, ${place.city}`;
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

/** A phone number as a `tel:` link, e.g. '+39 0931 12 34' => 'tel:+3909311234'. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, '')}`;
}
