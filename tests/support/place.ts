import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentCollections } from '../../src/schemas/collections';

/** The Polo's place as staff wrote it in content/place.yaml, so tests hold whatever they write. */
export const place = (
  parse(readFileSync(join('content', contentCollections.place.path), 'utf8')) as {
    polo: { venue: string; city: string; venueInScript?: Record<string, string> };
  }
).polo;
