/**
 * Words a language must not use, read from the table "Parole da non usare" of
 * `docs/glossario.md`, so the glossary and the tests cannot drift apart. A term counts inside
 * a longer word (`مواعيد` finds المواعيد), whatever the case, with any apostrophe or space.
 */
import { readFileSync } from 'node:fs';

export interface BannedTerm {
  lang: string;
  term: string;
  /** The word the glossary chose instead, e.g. 'أوقات الاستقبال'. */
  instead: string;
}

/** Text in the form terms are compared in: lower case, one kind of apostrophe and of space. */
export function comparable(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘ʼ]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ');
}

/** The rows of the glossary's "Parole da non usare" table, e.g. { lang: 'ar', term: 'مواعيد', … }. */
export function bannedTerms(glossary = readFileSync('docs/glossario.md', 'utf8')): BannedTerm[] {
  const section = glossary.split(/^## /m).find((part) => part.startsWith('Parole da non usare'));
  if (!section) throw new Error('docs/glossario.md has no "## Parole da non usare" table');
  const terms: BannedTerm[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const [, lang = '', term = '', instead = ''] = cells;
    const written = /^`([^`]+)`$/.exec(term)?.[1];
    if (/^[a-z]{2}$/.test(lang) && written) terms.push({ lang, term: written, instead });
  }
  return terms;
}

/** The banned terms of `lang` that `text` uses, e.g. ('ar', 'كل المواعيد') => [مواعيد]. */
export function bannedIn(lang: string, text: string, terms = bannedTerms()): BannedTerm[] {
  const seen = comparable(text);
  return terms.filter((t) => t.lang === lang && seen.includes(comparable(t.term)));
}
