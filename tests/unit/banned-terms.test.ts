/**
 * The words the glossary (docs/glossario.md) rules out are not in any text or interface string
 * of their language, and the check itself finds what it should.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/locales';
import { bannedIn, bannedTerms } from '../support/banned-terms';

/** Every file of `content/` written in `lang`: `{collection}/{lang}/…` and `ui/{lang}.yaml`. */
function filesIn(lang: string): string[] {
  const files = [`content/ui/${lang}.yaml`];
  for (const collection of readdirSync('content')) {
    const folder = join('content', collection, lang);
    if (!statSync(join('content', collection)).isDirectory()) continue;
    if (!readdirSync(join('content', collection)).includes(lang)) continue;
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.md'))) {
      files.push(join(folder, name));
    }
  }
  return files;
}

describe('the glossary’s table of words not to use', () => {
  const terms = bannedTerms();

  it('is read, with a word to use instead for each', () => {
    expect(terms.length).toBeGreaterThan(0);
    for (const term of terms) {
      expect(
        locales.map((l) => l.code),
        term.term,
      ).toContain(term.lang);
      expect(term.instead, term.term).not.toBe('');
    }
  });

  it('finds a term inside a longer word, whatever the case and the apostrophe', () => {
    const sample = [
      { lang: 'ar', term: 'مواعيد', instead: 'أوقات الاستقبال' },
      { lang: 'fr', term: 'table pour l’', instead: 'table ronde pour l’emploi' },
      { lang: 'en', term: 'help desk', instead: 'desk' },
    ];
    expect(bannedIn('ar', 'كل المواعيد', sample)).toHaveLength(1);
    expect(bannedIn('fr', "La Table pour l'emploi", sample)).toHaveLength(1);
    expect(bannedIn('fr', 'La table ronde pour l’emploi', sample)).toHaveLength(0);
    expect(bannedIn('en', 'The help\u00a0desks', sample)).toHaveLength(1);
    // A term is banned in its own language only.
    expect(bannedIn('it', 'help desk', sample)).toHaveLength(0);
  });
});

describe.each(locales.map((l) => l.code))('the %s content', (lang) => {
  it.each(filesIn(lang))('%s uses none of the glossary’s words not to use', (file) => {
    const found = bannedIn(lang, readFileSync(file, 'utf8')).map(
      (t) => `"${t.term}" (use: ${t.instead})`,
    );
    expect(found, file).toEqual([]);
  });
});
