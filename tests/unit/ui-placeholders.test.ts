/**
 * Every interface string keeps the `{placeholders}` of its Italian original, no more and no
 * fewer: a translated `{data}` for `{date}` would show the braces to the reader.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { locales, sourceLocale } from '../../src/lib/locales';

const strings = (lang: string) => {
  const data = parse(readFileSync(`content/ui/${lang}.yaml`, 'utf8')) as Record<string, unknown>;
  // `translation` is the file's status (machine, reviewed), not a string shown to readers.
  delete data['translation'];
  return data;
};

/** The placeholders of a string, sorted, e.g. 'dalle {opens} alle {closes}' => ['{closes}', '{opens}']. */
const placeholders = (text: unknown) => (String(text).match(/\{[^{}]*\}/g) ?? []).sort();

const source = strings(sourceLocale);

describe('UI placeholders', () => {
  it('the Italian strings have some, so this test can fail', () => {
    expect(
      Object.values(source).filter((text) => placeholders(text).length > 0).length,
    ).toBeGreaterThan(0);
  });

  it.each(locales.filter((l) => l.code !== sourceLocale).map((l) => l.code))(
    '%s keeps exactly the Italian placeholders in every string',
    (lang) => {
      const translated = strings(lang);
      const wrong = Object.entries(source)
        .filter(([key]) => key in translated)
        .filter(([key, text]) => placeholders(translated[key]).join() !== placeholders(text).join())
        .map(
          ([key, text]) =>
            `${key}: ${placeholders(text).join(' ')} ≠ ${placeholders(translated[key]).join(' ')}`,
        );
      expect(wrong).toEqual([]);
    },
  );
});
