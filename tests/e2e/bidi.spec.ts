/**
 * Latin names for screen readers, on every page of every language written in another script
 * (Arabic; Sinhala, Tamil… as they come): each is in an element that says its language, so a
 * screen reader changes voice, and the punctuation after it stays outside.
 */
import { expect, test } from '@playwright/test';
import { pagePaths } from '../support/site-pages';
import { locales } from '../../src/lib/locales';

const otherScripts = locales.filter((l) => l.script !== 'Latin');

for (const locale of otherScripts) {
  for (const path of pagePaths) {
    const url = `/${locale.code}${path}`;
    test(`${url}: Latin names say their language`, async ({ page }) => {
      await page.goto(url);
      const found = await page.evaluate((lang) => {
        const latin = /\p{Script=Latin}/u;
        // An address (e-mail, web, a path of the site, a file's type) belongs to no language: it
        // is isolated left to right and spelled out by the reader's own voice.
        const address =
          /^\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/|www\.)\S+|\/(?:[\w.-]+\/)+[\w.-]*|\.[a-z0-9]{2,5})\s*$/;
        const skipped = 'script, style, code, pre, svg, noscript, template';
        const unmarked: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          const parent = node.parentElement;
          if (!parent || !latin.test(text) || parent.closest(skipped)) continue;
          if (parent.closest('[dir="ltr"]') && address.test(text)) continue;
          const own = parent.closest('[lang]')?.getAttribute('lang');
          if (own === lang) unmarked.push(text.trim());
        }
        const bdis = [...document.querySelectorAll('main bdi')].map((el) => ({
          lang: el.getAttribute('lang'),
          text: el.textContent ?? '',
        }));
        return { unmarked, bdis };
      }, locale.code);

      expect(found.unmarked, 'Latin text read with the page’s voice').toEqual([]);
      for (const bdi of found.bdis) {
        expect(bdi.lang, `<bdi>${bdi.text}</bdi> says no language`).toBeTruthy();
        // Punctuation after a name is the sentence's, except the last dot of an abbreviation
        // (Su.Pr.Eme.).
        if (!/(?:^|\s)(?:\p{L}{1,5}\.){2,}$/u.test(bdi.text)) {
          expect(bdi.text, 'punctuation inside the name').not.toMatch(/[.,;:،؛]\s*$/);
        }
      }
    });
  }
}
