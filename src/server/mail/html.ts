/**
 * The one way the mails write HTML: ``mailHtml`<p>${words}</p>` `` escapes every value put in
 * it, unless the value is itself HTML (a fragment made with `mailHtml`, or `trustedHtml`), so
 * a template cannot forget to escape. Plain Node, no Vite: `send-notices` runs without it.
 * Not named `html`: Prettier would reformat a template with that tag, and so the mail.
 */

import { escapeMarkup } from '../../lib/escape-markup.ts';

/** HTML ready to send; only `mailHtml` and `trustedHtml` make one (the class stays in here). */
class Html {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}
export type { Html };

/** What a template may hold: words (escaped), HTML, or a list of HTML (joined as is). */
export type HtmlValue = string | Html | readonly Html[];

const piece = (value: HtmlValue): string =>
  value instanceof Html
    ? value.toString()
    : typeof value === 'string'
      ? escapeMarkup(value)
      : value.map((fragment) => fragment.toString()).join('');

/** HTML with each value escaped, e.g. mailHtml`<p>${'a < b'}</p>` => '<p>a &#60; b</p>'. */
export function mailHtml(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let text = strings[0] ?? '';
  values.forEach((value, i) => {
    text += piece(value) + (strings[i + 1] ?? '');
  });
  return new Html(text);
}

/** HTML the site built itself, put in as it is, e.g. a notice's body from the build. */
export function trustedHtml(text: string): Html {
  return new Html(text);
}
