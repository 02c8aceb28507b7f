import { describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/locales';
import { isolate } from '../../src/lib/bidi';
import { markLatinNames, markedHtml, marksLatinNames } from '../../src/lib/latin-names';

const page = (body: string, lang = 'ar') =>
  `<!doctype html><html lang="${lang}" dir="rtl"><head><title>${isolate('Polo')} – مركز</title></head><body>${body}</body></html>`;
const bodyOf = (html: string) => /<body>([\s\S]*)<\/body>/.exec(html)?.[1];

describe('which languages mark Latin names', () => {
  it('is every language written in another script than Latin', () => {
    for (const { code, script } of locales) expect(marksLatinNames(code)).toBe(script !== 'Latin');
    expect(marksLatinNames('xx')).toBe(false);
  });
});

describe('Latin names as <bdi lang="it"> in HTML', () => {
  it('marks a name, its full stop and comma outside', () => {
    expect(markedHtml('في Comune dei Popoli, Siracusa.')).toBe(
      'في <bdi lang="it">Comune dei Popoli, Siracusa</bdi>.',
    );
    expect(markedHtml('برنامج Su.Pr.Eme.، بتمويل')).toBe(
      'برنامج <bdi lang="it">Su.Pr.Eme.</bdi>، بتمويل',
    );
  });

  it('turns the isolates of UI strings into elements: names lang="it", times left as they are', () => {
    expect(markedHtml(`مفتوح ${isolate('Polo')}، من ${isolate('09:00')}`)).toBe(
      `مفتوح <bdi lang="it">Polo</bdi>، من ${isolate('09:00')}`,
    );
  });

  it('isolates an address without calling it Italian', () => {
    const html = markedHtml(`اكتب إلى ${isolate('info@example.com')}.`);
    expect(html).toBe('اكتب إلى <span dir="ltr">info@example.com</span>.');
    expect(html).not.toContain('lang=');
  });

  it('escapes what it writes', () => {
    expect(markedHtml('A & <b>')).toBe('<bdi lang="it">A</bdi> &amp; &lt;<bdi lang="it">b</bdi>>');
  });
});

describe('marking a whole page', () => {
  it('marks the body, and leaves the head, attributes and scripts alone', () => {
    const html = markLatinNames(
      page(
        `<p title="Polo">في Siracusa.</p><script type="application/ld+json">{"name":"Polo"}</script>`,
      ),
      'ar',
    );
    expect(html).toContain(`<title>${isolate('Polo')} – مركز</title>`);
    expect(bodyOf(html)).toBe(
      '<p title="Polo">في <bdi lang="it">Siracusa</bdi>.</p><script type="application/ld+json">{"name":"Polo"}</script>',
    );
  });

  it('keeps what its author marked in another language, and gives a bare <bdi> its language', () => {
    const html = markLatinNames(
      page(
        '<p>أموال <bdi lang="en">AMIF – Emergency Funds</bdi>، <bdi>CPIA</bdi>، <a lang="fr" href="/fr/">Français</a></p>',
      ),
      'ar',
    );
    expect(bodyOf(html)).toBe(
      '<p>أموال <bdi lang="en">AMIF – Emergency Funds</bdi>، <bdi lang="it">CPIA</bdi>، <a lang="fr" href="/fr/">Français</a></p>',
    );
  });

  it('turns a bare <bdi> around digits into isolates: direction, no language', () => {
    expect(bodyOf(markLatinNames(page('<p>الإصدار <bdi>3.2.1</bdi>.</p>'), 'ar'))).toBe(
      `<p>الإصدار ${isolate('3.2.1')}.</p>`,
    );
  });

  it('leaves code, and a page in a Latin-script language, as they are', () => {
    expect(bodyOf(markLatinNames(page('<p><code>npm start</code></p>'), 'ar'))).toBe(
      '<p><code>npm start</code></p>',
    );
    const french = page('<p>à Siracusa.</p>', 'fr');
    expect(markLatinNames(french, 'fr')).toBe(french);
  });
});
