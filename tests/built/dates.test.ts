/**
 * Every date of every built page, in every language, is written with the language's one set
 * of month names (docs/languages.md#dates): the text a reader sees, the words the status line
 * gets for the browser, the notices the newsletter mails, and each <time> in its language.
 * Never "M" and a number, never a name of another set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/locales';
import { htmlFiles } from '../support/html-files';
import { elementsOf, langOf, readable, textOf } from '../support/html-tree';
import { chosenMonths, misnamedMonths } from '../support/month-names';

const client = 'dist/client';
/** Drawings and code: their letters and numbers are no dates ("M12 2.5" draws a line). */
const notText = new Set(['svg', 'script', 'style']);

/** What a page says in `lang`: its text and its attributes, not what is marked as another language. */
function ownWords(html: string, lang: string): string[] {
  return elementsOf(html).flatMap(([element, ancestors]) => {
    if ([element, ...ancestors].some((e) => notText.has(e.tagName))) return [];
    if (langOf(element, ancestors) !== lang) return [];
    const text = element.children.flatMap((child) => (child.type === 'text' ? [child.value] : []));
    return [...text, ...Object.values(element.properties).map(String)];
  });
}

const isoDay = /^\d{4}-(\d\d)-\d\d$/;

describe.each(locales.map((l) => l.code))('the dates of the built %s pages', (lang) => {
  const files = htmlFiles(join(client, lang));
  const months = chosenMonths(lang);

  it('use the language’s month names only, never "M" and a number', () => {
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((file) => {
      const html = readFileSync(file, 'utf8');
      return misnamedMonths(lang, readable(ownWords(html, lang).join('\n'))).map(
        (name) => `${file}: ${name}`,
      );
    });
    expect(found).toEqual([]);
  });

  it('name the month of every <time> with its day, in the language', () => {
    const times = files.flatMap((file) =>
      elementsOf(readFileSync(file, 'utf8')).flatMap(([element, ancestors]) => {
        const month = isoDay.exec(String(element.properties['dateTime'] ?? ''))?.[1];
        if (element.tagName !== 'time' || !month) return [];
        if (langOf(element, ancestors) !== lang) return [];
        return [{ file, month: Number(month), text: readable(textOf(element)) }];
      }),
    );
    // Every page has its last-reviewed line.
    expect(times.length).toBeGreaterThanOrEqual(files.length / 2);
    const wrong = times.filter(({ month, text }) => !text.includes(months[month - 1] ?? '?'));
    expect(wrong).toEqual([]);
  });

  it('are so in the notices the newsletter mails', () => {
    const bundle = readFileSync(join(client, lang, 'avvisi/newsletter.json'), 'utf8');
    expect(misnamedMonths(lang, bundle)).toEqual([]);
  });
});
