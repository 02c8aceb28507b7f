/** A built page as a tree, for tests that look for elements by what they are, not by regex. */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';

export type { Element } from 'hast';

/** Every element of a page with its ancestors, in document order. */
export function* elements(
  node: Root | Element,
  ancestors: Element[] = [],
): Generator<[Element, Element[]]> {
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'element') continue;
    yield [child, ancestors];
    yield* elements(child, [...ancestors, child]);
  }
}

/** Every element of a page's HTML with its ancestors. */
export const elementsOf = (html: string) => [...elements(fromHtml(html))];

/** An element's text, as the reader gets it (the invisible direction marks included). */
export const textOf = (node: Element | RootContent): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '';

/** An element's classes, e.g. ['hours-table']. */
export function classes(element: Element): string[] {
  const value = element.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

/** The language an element is written in: its own `lang`, or its nearest ancestor's. */
export function langOf(element: Element, ancestors: Element[]): string {
  const marked = [...ancestors, element].reverse().find((e) => e.properties['lang'] !== undefined);
  return String(marked?.properties['lang'] ?? '');
}

/** Text as read: without the invisible marks that keep names and times in their direction. */
export const readable = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/g, '');
