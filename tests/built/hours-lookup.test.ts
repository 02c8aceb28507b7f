/**
 * The status line's script in the built pages only looks up what the build worked out: no
 * hours model (its Italian-time arithmetic, its status strings) reaches the phone, only the
 * texts the line shows and when it shows them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/lib/locales';
import { carriedChanges } from '../support/carried-status';

const page = (path: string) => readFileSync(join('dist/client', path, 'index.html'), 'utf8');
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');

describe.each(localeCodes)('the %s hours page', (lang) => {
  const html = page(`${lang}/orari`);
  const script = inlineScripts(html).find((code) => code.includes('hoursChanges')) ?? '';

  it('runs a lookup, not the hours model', () => {
    expect(script).not.toBe('');
    // The model's weekday and summer-time arithmetic, and the keys of its strings.
    expect(script).not.toMatch(/getUTCDay|getUTCFullYear|status\.next/);
    expect(html).not.toContain('data-hours-config');
  });

  it('carries each text once, the room being the longest', () => {
    const { t: texts } = carriedChanges(html);
    expect(texts.length).toBeGreaterThan(1);
    expect(new Set(texts).size).toBe(texts.length);
    const room = /data-room="([^"]*)"/.exec(html)?.[1] ?? '';
    const longest = Math.max(...texts.map((text) => text.length));
    expect(
      room
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    ).toHaveLength(longest);
  });
});
