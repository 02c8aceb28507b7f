/**
 * No built page uses a word the glossary (docs/glossario.md) rules out for its language: the
 * texts, the interface strings and the sentences made from data (hours, status line, share
 * message), as the reader gets them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/locales';
import { bannedIn } from '../support/banned-terms';
import { htmlFiles } from '../support/html-files';

const client = 'dist/client';

const decoded = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');

describe.each(locales.map((l) => l.code))('the built %s pages', (lang) => {
  it('use none of the glossary’s words not to use', () => {
    const files = htmlFiles(join(client, lang));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((file) =>
      bannedIn(lang, decoded(readFileSync(file, 'utf8'))).map(
        (t) => `${file}: "${t.term}" (use: ${t.instead})`,
      ),
    );
    expect(found).toEqual([]);
  });
});
