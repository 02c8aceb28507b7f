import { describe, expect, it } from 'vitest';
import { mailHtml, trustedHtml } from '../../src/server/mail/html';

describe('the HTML of the mails', () => {
  it('escapes every value put in it, in text and in attributes', () => {
    const words = `<script> & "x" 'y'`;
    expect(String(mailHtml`<a title="${words}">${words}</a>`)).toBe(
      '<a title="&#60;script&#62; &#38; &#34;x&#34; &#39;y&#39;">&#60;script&#62; &#38; &#34;x&#34; &#39;y&#39;</a>',
    );
  });

  it('puts in HTML made the same way, or by the site, without escaping it twice', () => {
    const item = (word: string) => mailHtml`<li>${word}</li>`;
    const list = mailHtml`<ul>${['a&b', 'c'].map(item)}</ul>${trustedHtml('<p>built</p>')}`;
    expect(String(list)).toBe('<ul><li>a&#38;b</li><li>c</li></ul><p>built</p>');
  });

  it('escapes a string that merely looks like HTML', () => {
    const looksBuilt: string = String(mailHtml`<b>x</b>`);
    expect(String(mailHtml`<p>${looksBuilt}</p>`)).toBe('<p>&#60;b&#62;x&#60;/b&#62;</p>');
  });
});
