import { describe, expect, it } from 'vitest';
import { pickTranslations, splitId } from '../../src/lib/translations';

const entries = [
  { id: 'it/lavoro' },
  { id: 'it/mentoring' },
  { id: 'fr/lavoro' },
  { id: 'ar/mentoring' },
];

describe('choosing the text of a language', () => {
  it('splits an entry id into language and slug', () => {
    expect(splitId('ar/lavoro')).toEqual({ lang: 'ar', slug: 'lavoro' });
  });

  it('gives the translation where there is one and the Italian original elsewhere', () => {
    const fr = pickTranslations(entries, 'fr');
    expect(fr.map((e) => [e.slug, e.entry.id, e.lang, e.fallback])).toEqual([
      ['lavoro', 'fr/lavoro', 'fr', false],
      ['mentoring', 'it/mentoring', 'it', true],
    ]);
  });

  it('never falls back in Italian', () => {
    expect(pickTranslations(entries, 'it').every((e) => !e.fallback)).toBe(true);
  });

  it('lists only what exists in Italian', () => {
    expect(pickTranslations([{ id: 'en/orphan' }], 'en')).toEqual([]);
  });
});
