/**
 * Names in Latin letters inside a language written in another script (Arabic; Sinhala, Tamil…
 * as they come): in HTML each becomes `<bdi lang="it">`, so that it keeps its own direction
 * and a screen reader reads it with an Italian voice. Done on the finished page or mail, so
 * that Markdown, front matter and UI strings are all covered, and a new language gets it from
 * its `script` in src/lib/locales.ts.
 *
 * - A name is Italian unless its author says otherwise: `<bdi lang="en">AMIF – Emergency
 *   Funds</bdi>` in content is left as written.
 * - An e-mail or web address belongs to no language: `<span dir="ltr">`, spelled out by the
 *   reader's own voice, as they would type it.
 * - Times and dates keep the Unicode isolates that `t.isolate` gave them: direction, no language.
 * - Punctuation after a name stays outside it (see latinPieces).
 */
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { isLocale, localeInfo } from './locales.ts';
import { latinPieces, type Piece } from './bidi.ts';

/** Whether Latin names are marked in `lang`: its script is not Latin, e.g. 'ar' => true. */
export function marksLatinNames(lang: string): boolean {
  return isLocale(lang) && localeInfo(lang).script !== 'Latin';
}

// Named references (&quot; &amp; &lt;), as Astro writes them.
const serialize = { characterReferences: { useNamedReferences: true } };

const isolated = /\u2068([^\u2069]*)\u2069/g;
const latinLetter = /\p{Script=Latin}/u;
const otherLetter = /(?!\p{Script=Latin})\p{L}/u;

function pieceNode(piece: Piece): ElementContent {
  if (piece.kind === 'text') return { type: 'text', value: piece.text };
  const properties = piece.kind === 'name' ? { lang: 'it' } : { dir: 'ltr' };
  const tagName = piece.kind === 'name' ? 'bdi' : 'span';
  return { type: 'element', tagName, properties, children: [{ type: 'text', value: piece.text }] };
}

/**
 * One text as nodes, e.g. 'في ⁨Siracusa⁩.' => ['في ', <bdi lang="it">Siracusa</bdi>, '.'].
 * An isolate that holds only a name or an address becomes its element; one around other text
 * (a time, a date, a title) stays, with the names inside it marked.
 */
export function markedNodes(text: string): ElementContent[] {
  const nodes: ElementContent[] = [];
  const add = (value: string) => {
    for (const node of latinPieces(value).map(pieceNode)) {
      const last = nodes.at(-1);
      if (node.type === 'text' && last?.type === 'text') last.value += node.value;
      else nodes.push(node);
    }
  };
  let last = 0;
  for (const match of text.matchAll(isolated)) {
    add(text.slice(last, match.index));
    const inner = match[1] ?? '';
    const pieces = latinPieces(inner);
    if (pieces.length === 1 && pieces[0]?.kind !== 'text') add(inner);
    else add(`\u2068${inner}\u2069`);
    last = match.index + match[0].length;
  }
  add(text.slice(last));
  return nodes;
}

/** Escaped HTML of `text` with its names marked, e.g. 'في Siracusa' => 'في <bdi lang="it">Siracusa</bdi>'. */
export function markedHtml(text: string): string {
  return toHtml({ type: 'root', children: markedNodes(text) }, serialize);
}

// Their text is not prose (code, scripts), or they cannot hold elements (option, textarea).
const untouched = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'textarea',
  'option',
  'title',
  'code',
  'pre',
  'svg',
  'math',
]);

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

function mark(parent: Element, lang: string): void {
  parent.children = parent.children.flatMap((child) => {
    if (child.type === 'text')
      return latinLetter.test(child.value) ? markedNodes(child.value) : [child];
    if (child.type !== 'element' || untouched.has(child.tagName)) return [child];
    const own = child.properties['lang'];
    // Already in a language of its own: the language switcher, a name its author marked.
    if (typeof own === 'string' && own !== '' && own !== lang) return [child];
    if (child.tagName === 'bdi' && own === undefined) {
      const text = textOf(child);
      // A `<bdi>` written by hand around a Latin name gets the language it lacked; one around
      // digits (a version, a time) has no language, and keeps its direction as a time does.
      if (latinLetter.test(text) && !otherLetter.test(text)) {
        child.properties['lang'] = 'it';
        return [child];
      }
      if (!/\p{L}/u.test(text)) return [{ type: 'text', value: `\u2068${text}\u2069` }];
    }
    mark(child, lang);
    return [child];
  });
}

/**
 * The page or mail `html` (a whole document) with the Latin names of its body marked, where
 * `lang` is written in another script; as it was otherwise. The head (title, meta tags,
 * JSON-LD) keeps its plain text and Unicode isolates.
 */
export function markLatinNames(html: string, lang: string): string {
  if (!marksLatinNames(lang)) return html;
  const tree = fromHtml(html);
  const root = tree.children.find((node) => node.type === 'element' && node.tagName === 'html');
  const body =
    root?.type === 'element'
      ? root.children.find((node) => node.type === 'element' && node.tagName === 'body')
      : undefined;
  if (body?.type !== 'element') return html;
  mark(body, lang);
  return toHtml(tree, serialize);
}
