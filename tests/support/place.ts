import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The Polo's place as staff wrote it in content/place.yaml, so tests hold whatever they write. */
export const place = (
  parse(readFileSync('content/place.yaml', 'utf8')) as {
    polo: { venue: string; city: string; venueInScript?: Record<string, string> };
  }
).polo;
