import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../src/lib/html-text';

describe('the text part of a mail, from the notice HTML', () => {
  it('keeps paragraphs apart and joins the lines inside one', () => {
    expect(htmlToText('<p>Il Polo\nresta chiuso.</p>\n<p>Riapre il 7.</p>')).toBe(
      'Il Polo resta chiuso.\n\nRiapre il 7.',
    );
  });

  it('writes list items and links out', () => {
    expect(
      htmlToText(
        '<p>Porta:</p><ul><li>il <strong>passaporto</strong></li><li>vedi <a href="https://x.it/it/orari/">gli orari</a></li></ul>',
      ),
    ).toBe('Porta:\n\n- il passaporto\n- vedi gli orari (https://x.it/it/orari/)');
  });

  it('shows a bare link once and decodes characters', () => {
    expect(
      htmlToText('<p><a href="https://x.it/">https://x.it/</a> &amp; l&#8217;ufficio &lt;3</p>'),
    ).toBe('https://x.it/ & l’ufficio <3');
    expect(decodeEntities('&#x627;&unknown;')).toBe('ا&unknown;');
  });
});
