import { describe, expect, it } from 'vitest';
import { languageRanges, preferredLanguage } from '../../src/lib/accept-language';
import { localeCodes } from '../../src/lib/locales';

const best = (header: string | undefined) => preferredLanguage(header, localeCodes);

describe('the site language a browser asks for', () => {
  it('follows the q-values, not the order', () => {
    expect(best('so,it;q=0.5')).toBe('so');
    expect(best('it;q=0.5,so')).toBe('so');
    expect(best('en;q=0.2, fr;q=0.9, ar;q=0.4')).toBe('fr');
  });

  it('keeps the browser’s order between equal weights', () => {
    expect(best('ta, si')).toBe('ta');
    expect(best('si;q=0.7, ta;q=0.7')).toBe('si');
  });

  it('falls back from a regional or scripted range to its language', () => {
    expect(best('ar-EG')).toBe('ar');
    expect(best('FR-ca')).toBe('fr');
    expect(best('si-Sinh-LK;q=0.9')).toBe('si');
  });

  it('passes over a language the site does not speak to the next one', () => {
    expect(best('pt-BR,fr;q=0.8')).toBe('fr');
    expect(best('de-DE, de;q=0.9, en;q=0.1')).toBe('en');
  });

  it('never picks a language refused with q=0', () => {
    expect(best('it;q=0, so;q=0.1')).toBe('so');
    expect(best('ar-EG, ar;q=0')).toBeUndefined();
    expect(best('en;q=0.000')).toBeUndefined();
  });

  it('does not take * alone as a choice', () => {
    expect(best('*')).toBeUndefined();
    expect(best('de, *;q=0.5')).toBeUndefined();
    expect(best('*, ta;q=0.2')).toBe('ta');
  });

  it('answers nothing for no header, no site language or garbage', () => {
    expect(best(undefined)).toBeUndefined();
    expect(best('')).toBeUndefined();
    expect(best('de')).toBeUndefined();
    expect(best('😀, <script>, ;;;, =,q=1')).toBeUndefined();
    expect(best('en;q=2')).toBeUndefined();
    expect(best('en;q=abc')).toBeUndefined();
    expect(best('toolongtag-x')).toBeUndefined();
  });

  it('reads only the first ranges of a huge header, at once', () => {
    const huge = `${'xx-yy;q=0.1,'.repeat(200_000)}so`;
    const started = performance.now();
    expect(best(huge)).toBeUndefined();
    expect(best(`it;q=0.3,${'de,'.repeat(100_000)}`)).toBe('it');
    expect(languageRanges('a,'.repeat(1000)).length).toBeLessThanOrEqual(32);
    // Generous for a loaded machine: the point is no quadratic or backtracking cost.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
