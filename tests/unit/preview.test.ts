/**
 * Link-preview images as the renderer draws them: the size, the weight, Arabic drawn the way
 * a reader expects it (letters joined, lines read from the right, a Latin name kept whole to the
 * left of the Arabic word that introduces it), and the vowel signs of Sinhala and Tamil beside
 * their letter, not over the next one.
 */
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/locales';
import { previewHeight, previewWidth, type PreviewCard } from '../../src/images/preview-card';
import { measure, previewPng, scriptFonts, wrapWords } from '../../src/images/preview';
import { indexedPng } from '../../src/images/indexed-png';
import { PNG } from 'pngjs';
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
const sinhala: PreviewCard = {
  dir: 'ltr',
  script: 'Sinhala',
  header: name,
  title: 'රැකියාව',
  footer: 'ස්ථානය: Comune dei Popoli, Siracusa.',
};
const tamil: PreviewCard = {
  ...sinhala,
  script: 'Tamil',
  title: 'வேலை',
  footer: 'இடம்: Comune dei Popoli, Siracusa.',
};
/** How wide the title is drawn, in pixels. */
const titleWidth = (card: PreviewCard) => {
  const ink = inkIn(picture(previewPng(card)), titleBand.top, titleBand.bottom);
  return ink.right - ink.left + 1;
};
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
    [
      'Sinhala',
      {
        ...sinhala,
        title: 'ප්‍රාදේශීය සම්බන්ධීකරණ කණ්ඩායම සහ රැකියා සම්බන්ධීකරණ කණ්ඩායම',
      },
    ],
    ['Tamil', { ...tamil, title: 'உள்ளூர் ஒருங்கிணைப்புக் குழு மற்றும் வேலைக்கான ஒருங்கிணைப்புக் குழு' }],
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

describe('Sinhala and Tamil', () => {
  // A vowel sign after its letter (කා, கொ around க) takes room: the next letter comes after it.
  it.each([
    ['Sinhala', sinhala, 'කා', 'ක'],
    ['Tamil', tamil, 'கொ', 'க'],
  ] as const)('draws a %s letter after a vowel sign, not over it', (_, card, syllable, letter) => {
    const both = titleWidth({ ...card, title: `${syllable}${letter}` });
    const apart = titleWidth({ ...card, title: syllable }) + titleWidth({ ...card, title: letter });
    expect(both).toBeGreaterThan(apart * 0.95);
  });

  it('keeps the Latin place name in Noto Sans, as on a Latin card', () => {
    const style = { size: 34, weight: 400, dir: 'ltr' } as const;
    const place = 'Comune dei Popoli, Siracusa.';
    expect(measure(place, { ...style, script: 'Sinhala' })).toBeCloseTo(
      measure(place, { ...style, script: 'Latin' }),
      0,
    );
  });
});

describe('indexedPng', () => {
  it('keeps every pixel of a preview, in fewer bytes', () => {
    const pixels = new Uint8Array(4 * 3 * 2).map((_, i) => (i % 4 === 3 ? 255 : (i * 37) % 256));
    const png = indexedPng(pixels, 3, 2);
    expect(png).toBeDefined();
    expect([...PNG.sync.read(Buffer.from(png ?? [])).data]).toEqual([...pixels]);
  });

  it('gives up beyond 256 colours', () => {
    const many = new Uint8Array(4 * 300);
    for (let i = 0; i < 300; i++) many.set([i % 256, Math.floor(i / 256), 0, 255], i * 4);
    expect(indexedPng(many, 300, 1)).toBeUndefined();
  });
});
