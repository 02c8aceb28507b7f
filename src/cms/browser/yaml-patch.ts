/**
 * A YAML text given new data, changed only where the data changed: the value of a key set in
 * place, a key removed or added, an item of a list edited, added or removed. What the data did
 * not change keeps its comments, its place and its quoting, since the staff who wrote the file
 * read it with its comments (hours.yaml explains itself to them).
 */
import { isCollection, isMap, isNode, isScalar, isSeq, parse, parseDocument } from 'yaml';
import type { Document, Pair, ToStringOptions, YAMLMap, YAMLSeq } from 'yaml';
import { sameValue } from './content-file';
import { commonItems } from './common-items';
import { mergeLines } from './line-merge';

type Node = unknown;
type Fields = { [key: string]: unknown };

const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a node means, e.g. the map of `{ opens: '09:00' }` => { opens: '09:00' }. */
const valueOf = (doc: Document, node: Node): unknown =>
  isNode(node) ? node.toJS(doc) : (node ?? null);

/** A new node for `value` that keeps the comments and the blank line of the node it replaces. */
function replacement(doc: Document, old: Node, value: unknown): Node {
  const node = doc.createNode(value);
  if ((isCollection(old) || isScalar(old)) && (isCollection(node) || isScalar(node))) {
    const { commentBefore, comment, spaceBefore } = old;
    Object.assign(node, { commentBefore, comment, spaceBefore });
  }
  return node;
}

/**
 * Writes a new node the way its neighbour is written: flow `{ … }` if the neighbour is, strings
 * quoted as the neighbour's, so a new slot of hours.yaml looks like the slots beside it.
 */
function styleLike(node: Node, neighbour: Node): void {
  if (isScalar(node) && isScalar(neighbour)) {
    const strings = typeof node.value === 'string' && typeof neighbour.value === 'string';
    if (strings && neighbour.type) node.type = neighbour.type;
  } else if (isMap(node) && isMap(neighbour)) {
    node.flow = Boolean(neighbour.flow);
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      styleLike(pair.value, neighbour.get(key, true));
    }
  } else if (isSeq(node) && isSeq(neighbour)) {
    node.flow = Boolean(neighbour.flow);
    const first: Node = neighbour.items[0];
    for (const item of node.items) styleLike(item, first);
  }
}

const keyOf = (pair: Pair): unknown => (isScalar(pair.key) ? pair.key.value : pair.key);

function patchMap(doc: Document, map: YAMLMap, value: Fields): YAMLMap {
  map.items = map.items.filter((pair) => Object.hasOwn(value, String(keyOf(pair))));
  for (const pair of map.items) {
    pair.value = patchNode(doc, pair.value, value[String(keyOf(pair))]);
  }
  // A new key goes after the key it follows in the new data (where the form puts it), else
  // first; so a key added to the data last goes last.
  const wanted = Object.keys(value);
  const indexOf = (key: string) => map.items.findIndex((pair) => String(keyOf(pair)) === key);
  for (const [i, key] of wanted.entries()) {
    if (indexOf(key) >= 0) continue;
    const previous =
      wanted
        .slice(0, i)
        .reverse()
        .map(indexOf)
        .find((at) => at >= 0) ?? -1;
    map.items.splice(previous + 1, 0, doc.createPair(key, value[key]) as Pair);
  }
  return map;
}

/**
 * A list given new items: items equal to an old one keep their node (and its comments); between
 * them, old items are edited in order into the new ones, the surplus added or dropped.
 */
function patchSeq(doc: Document, seq: YAMLSeq, value: unknown[]): YAMLSeq {
  const old = seq.items;
  const values = old.map((node) => valueOf(doc, node));
  const kept = commonItems(values, value, sameValue);
  const items: Node[] = [];
  let o = 0;
  let n = 0;
  for (const [keptOld, keptNew] of [...kept, [old.length, value.length] as const]) {
    for (; n < keptNew; n++, o++) {
      if (o < keptOld) {
        items.push(patchNode(doc, old[o], value[n]));
      } else {
        const node = doc.createNode(value[n]);
        styleLike(node, items.at(-1) ?? old[0]);
        items.push(node);
      }
    }
    if (keptOld < old.length) items.push(old[keptOld]);
    o = keptOld + 1;
    n = keptNew + 1;
  }
  // `[]` is how one writes an empty list by hand; its first items go one a line.
  if (old.length === 0 && value.length > 0) seq.flow = false;
  seq.items = items;
  return seq;
}

/** `node` made to hold `value`, changed no more than needed. */
export function patchNode(doc: Document, node: Node, value: unknown): Node {
  if (sameValue(valueOf(doc, node), value)) return node;
  if (isMap(node) && isRecord(value)) return patchMap(doc, node, value);
  if (isSeq(node) && Array.isArray(value)) return patchSeq(doc, node, value);
  if (isScalar(node) && typeof node.value === typeof value && value !== null) {
    // Same kind of value: its quoting stays; the printer quotes it where it must.
    node.value = value;
    return node;
  }
  return replacement(doc, node, value);
}

/** Ways of printing YAML that files may be written in; the one nearest the file is used. */
const printings: ToStringOptions[] = [2, 4].flatMap((indent) =>
  [true, false].flatMap((indentSeq) =>
    [true, false].map((flowCollectionPadding) => ({
      indent,
      indentSeq,
      flowCollectionPadding,
      // Never fold a long line: a summary stays on its one line.
      lineWidth: 0,
    })),
  ),
);

const lines = (text: string) => text.split('\n');

/** The printing whose output of the unchanged file has most lines in common with the file. */
function printingOf(doc: Document, text: string): ToStringOptions {
  let best: { options: ToStringOptions; common: number } | undefined;
  for (const options of printings) {
    const printed = doc.toString(options);
    if (printed === text) return options;
    const common = commonItems(lines(printed), lines(text), (a, b) => a === b).length;
    if (!best || common > best.common) best = { options, common };
  }
  return best?.options ?? {};
}

/** Whether a YAML text parses to `data`. */
function holds(text: string, data: Fields): boolean {
  try {
    return sameValue(parse(text), data);
  } catch {
    return false;
  }
}

/**
 * The YAML text `text` (with "\n" line ends) changed to hold `data`, e.g. hours.yaml with one
 * closing time changed => the same text, that time replaced, every comment kept. Throws on a
 * text that is not YAML.
 */
export function patchedYaml(text: string, data: Fields): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('\n'));
  const options = printingOf(doc, text);
  const unchanged = doc.toString(options);
  doc.contents = patchNode(doc, doc.contents, data) as typeof doc.contents;
  const printed = doc.toString(options);
  if (unchanged === text) return printed;
  // The printer spells some untouched line otherwise: keep the file's own lines but the changed.
  const merged = mergeLines(text, unchanged, printed);
  return holds(merged, data) ? merged : printed;
}
