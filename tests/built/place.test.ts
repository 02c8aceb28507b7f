/**
 * The Polo's place wherever a client carries it away: every page with the hours or a card,
 * the home, the share texts, the calendar files and the structured data, in every language.
 * The expected words come from content/place.yaml, so the test holds whatever staff write.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/locales';
import { place } from '../support/place';

const client = 'dist/client';

function* htmlPages(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlPages(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

const unescape = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe.each(locales)('the place in $label', ({ code }) => {
  const pages = [...htmlPages(join(client, code))].map((path) => ({
    path,
    html: readFileSync(path, 'utf8'),
  }));
  const script = place.venueInScript?.[code];

  it('is on the home, and on every page with the hours or a card', () => {
    const carrying = pages.filter(
      ({ path, html }) =>
        path === join(client, code, 'index.html') ||
        html.includes('data-hours-status') ||
        html.includes('data-card'),
    );
    expect(carrying.length).toBeGreaterThan(2);
    for (const { path, html } of carrying) {
      const block = /<div class="place[^"]*" data-polo-place[\s\S]*?<\/div>/.exec(html)?.[0];
      expect(block, path).toBeDefined();
      expect(block, path).toContain(`<bdi lang="it"`);
      expect(block, path).toContain(place.venue);
      if (script) expect(block, path).toContain(script);
    }
  });

  it('is in the share text of every page with the hours (the places people visit)', () => {
    const texts = pages
      .filter(({ html }) => html.includes('data-hours-status'))
      .flatMap(({ html }) =>
        [...html.matchAll(/data-share-text="([^"]*)"/g)].map((m) => unescape(m[1] ?? '')),
      );
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).toContain(`${place.venue}, ${place.city}`);
      expect(text).not.toMatch(/[\u2066-\u2069]/);
    }
  });

  it('is the LOCATION of every event of the calendar file', () => {
    const ics = readFileSync(join(client, code, 'orari.ics'), 'utf8').replace(/\r\n /g, '');
    const events = ics.split('BEGIN:VEVENT').slice(1);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event).toContain(`LOCATION:${place.venue}\\, ${place.city}`);
      if (script) expect(event).toContain(script);
    }
  });

  it('is the location of the structured data, with no bidi isolates in the JSON', () => {
    const scripts = pages.flatMap(({ html }) =>
      [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
        (m) => m[1] ?? '',
      ),
    );
    expect(scripts.length).toBeGreaterThan(0);
    for (const json of scripts) {
      expect(json).not.toMatch(/[\u2066-\u2069]/);
      const data = JSON.parse(json) as { location?: { name?: string } };
      expect(data.location?.name).toBe(place.venue);
    }
  });
});
