/**
 * The status line during a closure says "closed" once in every language: a notice's title
 * that already says it ("Chiuso per lavori") is not put after "Chiuso fino al 7 gennaio:".
 * The titles are fixtures; the words around them are each language's interface strings.
 */
import { describe, expect, it } from 'vitest';
import { poloWeek } from '../support/polo-week';
import { stringsOf } from '../support/status-strings';
import { hoursStatus } from '../../src/lib/hours/schedule';
import { isolate } from '../../src/lib/bidi';
import type { Locale } from '../../src/lib/locales';
import { saysClosed, statusText } from '../../src/i18n/status-text';

/** The line on 23 December 2026, 10:00 in Italy, during a closure titled `title`. */
function lineDuring(lang: Locale, title: string): string {
  const strings = stringsOf(lang);
  // As the page passes it: isolated in right-to-left text.
  const reason = strings.rtl ? isolate(title) : title;
  const data = { ...poloWeek, closures: [{ from: '2026-12-21', to: '2027-01-07', reason }] };
  const now = Date.parse('2026-12-23T09:00:00Z');
  return statusText(hoursStatus(data, now), now, strings);
}

/** How many words of "closed" a line has, e.g. 'Chiuso fino al 7 gennaio: Chiuso…' => 2. */
const closedWords: Record<Locale, RegExp> = {
  it: /chius/gi,
  en: /clos/gi,
  fr: /ferm/gi,
  ar: /مغلق|إغلاق|اغلاق/g,
  si: /වසා|වැසීම/g,
  ta: /மூட/g,
  so: /xir|xidh/gi,
};
const count = (lang: Locale, line: string) => line.match(closedWords[lang])?.length ?? 0;

describe('the status line during a closure', () => {
  it.each([
    ['it', 'Chiuso per lavori'],
    ['it', 'Chiusura natalizia del Polo'],
    ['it', 'Il Polo resta chiuso per inventario'],
    ['en', 'Closed for building works'],
    ['en', 'Christmas closure'],
    ['fr', 'Fermé pour travaux'],
    ['fr', 'Fermeture de Noël'],
    ['ar', 'مغلق للصيانة'],
    ['ar', 'الإغلاق السنوي'],
    ['si', 'අලුත්වැඩියා සඳහා වසා ඇත'],
    ['ta', 'பராமரிப்புக்காக மூடப்பட்டுள்ளது'],
    ['so', 'Xiran dayactir awgeed'],
  ] as const)('in %s, with the title "%s", says closed once', (lang, title) => {
    const line = lineDuring(lang, title);
    expect(line).toContain(title);
    expect(count(lang, line), line).toBe(1);
  });

  it.each(Object.keys(closedWords) as Locale[])(
    'in %s, with a title that does not say it, still says closed, once, and the day it ends',
    (lang) => {
      const line = lineDuring(lang, 'Su.Pr.Eme.');
      expect(line).toContain('Su.Pr.Eme.');
      expect(count(lang, line), line).toBe(1);
      expect(line).toMatch(/7|٧/);
    },
  );

  it('keeps the day it ends when the title says closed', () => {
    expect(lineDuring('it', 'Chiuso per lavori')).toMatch(
      /^Chiuso per lavori fino al 7 gennaio · /,
    );
    expect(lineDuring('en', 'Closed for building works')).toMatch(
      /^Closed for building works until 7 January · /,
    );
  });
});

describe('whether a title says closed', () => {
  it('finds the word at the start of a word, in any case', () => {
    expect(saysClosed('CHIUSO per lavori', 'chius')).toBe(true);
    expect(saysClosed('Polo fermé', 'fermé, fermeture')).toBe(true);
    expect(saysClosed('Festa del Polo', 'chius')).toBe(false);
    // Inside another word it is another word: "racchiuso" is not "chiuso".
    expect(saysClosed('Il cortile racchiuso', 'chius')).toBe(false);
  });

  it('reads an accent written as two characters as one', () => {
    expect(saysClosed('Ferme\u0301 pour travaux', 'fermé')).toBe(true);
  });

  it('reads a list separated by Arabic commas too', () => {
    expect(saysClosed('\u2068الإغلاق السنوي\u2069', 'مغلق، الإغلاق')).toBe(true);
  });
});
