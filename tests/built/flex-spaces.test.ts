/**
 * No space is lost on screen next to a name in Latin letters: in a flex or grid container each
 * run of text is an item of its own and the spaces at its edges collapse, so the Arabic button
 * 'عبر <bdi>WhatsApp</bdi>' read 'عبرWhatsApp'. Every built page, in every language, against
 * its own CSS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { droppedSpaces } from '../support/flex-spaces';
import { readerPages } from '../support/page-budgets';

const client = 'dist/client';
const pages = readerPages(client);

describe('the check', () => {
  const page = (css: string, body: string) => `<style>${css}</style><body>${body}</body>`;

  it('finds a space a flex container would drop, before or after a name', () => {
    expect(
      droppedSpaces(page('.a{display:inline-flex}', '<a class="a">عبر <bdi>WhatsApp</bdi></a>')),
    ).toEqual(['عبر ⟨WhatsApp⟩']);
    expect(
      droppedSpaces(
        page(
          '@media print{.b[data-x]{gap:1rem;display:grid}}',
          '<p class="b" data-x><bdi>Mentoring</bdi> (…)</p>',
        ),
      ),
    ).toEqual(['⟨Mentoring⟩ (…)']);
  });

  it('lets the text be one item, or the container not be flex', () => {
    expect(
      droppedSpaces(
        page('.a{display:flex}', '<a class="a"><span>عبر <bdi>WhatsApp</bdi></span></a>'),
      ),
    ).toEqual([]);
    expect(
      droppedSpaces(page('.a{display:inline-block}', '<a class="a">عبر <bdi>WhatsApp</bdi></a>')),
    ).toEqual([]);
  });
});

describe('built pages', () => {
  it('finds the pages, in the languages that mark names', () => {
    expect(pages.filter((path) => /^(ar|si|ta)\//.test(path)).length).toBeGreaterThan(20);
  });

  it.each(pages.map((path) => [path]))('%s keeps every space', (path) => {
    expect(droppedSpaces(readFileSync(join(client, path), 'utf8'))).toEqual([]);
  });
});
