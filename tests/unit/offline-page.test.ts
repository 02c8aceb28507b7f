/** The page the service worker answers offline for a page never saved. */
import { describe, expect, it } from 'vitest';
import { dateWords } from '../../src/lib/dates';
import { listedTitle, offlinePage, type OfflineWords } from '../../src/lib/offline-page';
import { elementsOf, langOf, textOf } from '../support/html-tree';

const words = (lang: string, dir: 'ltr' | 'rtl', intl: string): OfflineWords => ({
  lang,
  dir,
  siteName: `Site ${lang}`,
  title: `Title ${lang}`,
  text: `Text ${lang}`,
  list: `List ${lang}`,
  item: `saved {date} ${lang}`,
  none: `None ${lang}`,
  retry: `Retry ${lang}`,
  dates: dateWords(intl),
});

const arabic = words('ar', 'rtl', 'ar-u-nu-latn');
const saved = [
  { path: '/ar/', title: 'الرئيسية', lang: 'ar', dir: 'rtl' as const, savedOn: '2026-12-04' },
  { path: '/it/orari/', title: 'Orari', lang: 'it', dir: 'ltr' as const, savedOn: '2026-11-27' },
];

describe('the offline page', () => {
  it('speaks the language asked for, right to left in Arabic, and lists the saved pages', () => {
    const html = offlinePage(arabic, saved, '/ar/newsletter/', 'sha256-x');
    const all = elementsOf(html);
    const root = all.find(([e]) => e.tagName === 'html')?.[0];
    expect(root?.properties).toMatchObject({ lang: 'ar', dir: 'rtl' });
    const links = all.filter(([e]) => e.tagName === 'a');
    expect(links.map(([e]) => e.properties['href'])).toEqual([
      '/ar/newsletter/',
      '/ar/',
      '/it/orari/',
    ]);
    // A page of another language keeps its own language and direction.
    const italian = links[2]!;
    expect(langOf(...italian)).toBe('it');
    expect(italian[0].properties['dir']).toBe('ltr');
    // Each page's day in the page's words and month names.
    const days = all.filter(([e]) => e.tagName === 'small').map(([e]) => textOf(e));
    expect(days).toEqual(['saved 4 ديسمبر 2026 ar', 'saved 27 نوفمبر 2026 ar']);
  });

  it('says so when nothing is saved', () => {
    const html = offlinePage(words('it', 'ltr', 'it-IT'), [], '/x', 'sha256-x');
    expect(html).toContain('<p>None it</p>');
    expect(html).not.toContain('<ul>');
  });

  it('escapes what it shows', () => {
    const html = offlinePage(arabic, [{ ...saved[0]!, title: '<b>' }], '/"x', 'sha256-x');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('"x"');
  });

  it("lists a page under its own title, without the Polo's name", () => {
    const name = 'Polo Sociale Integrato di Siracusa';
    const title = (text: string) => `<html><title>${text}</title></html>`;
    expect(listedTitle(title(`Orari · ${name}`), name)).toBe('Orari');
    expect(listedTitle(title(`Lavoro · Scheda in due lingue · ${name}`), name)).toBe(
      'Lavoro · Scheda in due lingue',
    );
    expect(listedTitle(title(name), name)).toBe(name);
    expect(listedTitle(title('A &#38; B · X'), 'X')).toBe('A & B');
  });
});
