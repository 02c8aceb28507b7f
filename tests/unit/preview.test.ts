/**
 * Link-preview images as the renderer draws them: the size, the weight, and Arabic drawn the way
 * a reader expects it (letters joined, lines read from the right, a Latin name kept whole to the
 * left of the Arabic word that introduces it).
 */
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/i18n/locales';
import { previewHeight, previewWidth, type PreviewCard } from '../../src/lib/preview-card';
import { measure, previewPng, scriptFonts, wrapWords } from '../../src/lib/preview';
import { inkIn, picture, sameInk } from '../support/png-ink';

const name = 'Polo Sociale Integrato di Siracusa';
const arabic: PreviewCard = {
  dir: 'rtl',
  script: 'Arabic',
  header: name,
  title: 'العمل',
  footer: 'المكان: \u2068Comune dei Popoli, Siracusa\u2069.',
};
// Between the header and the rule above the footer: where the title is drawn.
const titleBand = { top: 125, bottom: 485 };
const footerBand = { top: 530, bottom: 600 };

describe('wrapWords', () => {
  const chars = (line: string) => line.length;

  it('keeps a line that fits whole', () => {
    expect(wrapWords('Lavoro  e  studio', 20, chars)).toEqual(['Lavoro e studio']);
  });

  it('breaks between words, never inside one', () => {
    expect(wrapWords('a bb cc', 4, chars)).toEqual(['a bb', 'cc']);
    expect(wrapWords('territoriale e', 5, chars)).toEqual(['territoriale', 'e']);
  });
});

describe('fonts', () => {
  it('has a font for the script of every language of the site', () => {
    for (const locale of locales) expect(scriptFonts, locale.code).toHaveProperty(locale.script);
  });

  it('joins Arabic letters: five joined behs are far narrower than five alone', () => {
    const style = { size: 76, weight: 700, script: 'Arabic', dir: 'rtl' } as const;
    const alone = measure('ب', style);
    expect(alone).toBeGreaterThan(10);
    expect(measure('ببببب', style)).toBeLessThan(5 * alone * 0.7);
  });
});

describe('previewPng', () => {
  it.each([
    [
      'Italian',
      {
        ...arabic,
        dir: 'ltr',
        script: 'Latin',
        title: 'Tavolo territoriale e tavolo per il lavoro',
        footer: 'Dove: Comune dei Popoli, Siracusa.',
      },
    ],
    [
      'Arabic',
      { ...arabic, title: 'الطاولة المحلية والطاولة الخاصة بالعمل والتوجيه إلى الخدمات العامة' },
    ],
  ] as const)('draws a %s card at 1200×630 in at most 60 KB', (_, card) => {
    const png = previewPng(card);
    const pic = picture(png);
    expect([pic.width, pic.height]).toEqual([previewWidth, previewHeight]);
    expect(png.length).toBeLessThanOrEqual(60 * 1024);
    expect(inkIn(pic, titleBand.top, titleBand.bottom).count).toBeGreaterThan(5000);
  });

  it('draws the Arabic title, right-aligned on the right margin', () => {
    const withTitle = inkIn(picture(previewPng(arabic)), titleBand.top, titleBand.bottom);
    const without = inkIn(
      picture(previewPng({ ...arabic, title: '\u200F' })),
      titleBand.top,
      titleBand.bottom,
    );
    expect(without.count).toBe(0);
    expect(withTitle.count).toBeGreaterThan(1500);
    expect(withTitle.right).toBeGreaterThan(previewWidth - 80 - 8);
    expect(withTitle.left).toBeGreaterThan(previewWidth / 2);
  });

  it('wraps a long title within the margins, on both sides', () => {
    const long = {
      ...arabic,
      title: 'الطاولة المحلية والطاولة الخاصة بالعمل والتوجيه إلى الخدمات',
    };
    const ink = inkIn(picture(previewPng(long)), titleBand.top, titleBand.bottom);
    expect(ink.left).toBeGreaterThanOrEqual(80 - 8);
    expect(ink.right).toBeLessThanOrEqual(previewWidth - 80 + 8);
  });

  it('reads the place from the right: the Arabic word at the right edge, the Latin name after it', () => {
    const word = { ...arabic, footer: 'المكان:' };
    const wordInk = inkIn(picture(previewPng(word)), footerBand.top, footerBand.bottom);
    const full = picture(previewPng(arabic));
    const fullInk = inkIn(full, footerBand.top, footerBand.bottom);
    // The whole line is wider than the word, which is drawn exactly where it is drawn alone.
    expect(fullInk.left).toBeLessThan(wordInk.left - 300);
    expect(
      sameInk(full, picture(previewPng(word)), {
        ...footerBand,
        left: wordInk.left,
        right: wordInk.right + 1,
      }),
    ).toBe(true);
  });
});
