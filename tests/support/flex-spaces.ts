/**
 * Where a page would lose a space on screen: in a flex or grid container every run of text
 * becomes an item of its own and the spaces at its edges collapse, so `عبر <bdi>WhatsApp</bdi>`
 * shows as 'عبرWhatsApp'. Found in the built HTML and its own CSS, without a browser.
 */
import { selectAll } from 'css-select';
import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

const itemLayout = /(?:^|;)\s*display\s*:\s*(?:inline-)?(?:flex|grid)\b/;

/**
 * The selectors of the style rules in `html` that lay an element's children out as flex or
 * grid items, e.g. ['.action', '.tools.astro-x'] (inside @media rules too: print).
 */
export function itemContainerSelectors(html: string): string[] {
  const selectors: string[] = [];
  for (const [, css = ''] of html.matchAll(/<style\b[^>]*>([^<]*)<\/style>/g)) {
    // Minified CSS: a rule is `selectors{declarations}`, an at-rule's block holds rules.
    for (const [, selector = '', declarations = ''] of css.matchAll(/([^{}@;]+)\{([^{}]*)\}/g)) {
      if (itemLayout.test(declarations)) selectors.push(selector.trim());
    }
  }
  return selectors;
}

const hasText = (node: ChildNode | null): node is Element =>
  node !== null && isTag(node) && /\S/.test(textContent(node));

function dropped(container: Element): string[] {
  return container.children.flatMap((node) => {
    if (!isText(node) || !/\S/.test(node.data)) return [];
    const before = /^\s/.test(node.data) && hasText(node.prev);
    const after = /\s$/.test(node.data) && hasText(node.next);
    if (!before && !after) return [];
    const line = [node.prev, node, node.next]
      .filter((n) => n && (n === node || hasText(n)))
      .map((n) => (n && isText(n) ? n.data : `⟨${n ? textContent(n) : ''}⟩`))
      .join('');
    return [line.replace(/\s+/g, ' ').trim()];
  });
}

/**
 * The texts in the page `html` whose space next to an element would collapse because their
 * container lays them out as flex or grid items, e.g. ['عبر ⟨WhatsApp⟩']; empty when none.
 */
export function droppedSpaces(html: string): string[] {
  const document = parseDocument(html);
  const containers = new Set(
    itemContainerSelectors(html).flatMap((selector) =>
      selectAll<ChildNode, Element>(selector, document),
    ),
  );
  return [...containers].flatMap(dropped);
}
