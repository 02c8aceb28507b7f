/**
 * A content file read for what it means: its YAML data and, for Markdown, the text under the
 * frontmatter. The editor compares a file as it is with the file Decap is about to write by
 * these, so that a change of spelling (quotes, key order, line ends) is no change.
 */
import { parse } from 'yaml';

/** Markdown with YAML frontmatter (the translated texts), or a plain YAML file (hours.yaml). */
export type FileFormat = 'frontmatter' | 'yaml';

/** A file's meaning: its data, and the Markdown under the frontmatter ('' for YAML). */
export interface FileMeaning {
  data: Record<string, unknown>;
  body: string;
}

/** The format of a path, e.g. 'content/notices/it/x.md' => 'frontmatter'; else undefined. */
export function formatOf(path: string): FileFormat | undefined {
  if (/\.(md|markdown)$/i.test(path)) return 'frontmatter';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  return undefined;
}

/**
 * A file's text as the editor handles it: without a byte-order mark and with "\n" line ends,
 * plus how to give the file its own spelling back once changed.
 */
export function plainText(raw: string): { text: string; restore: (text: string) => string } {
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = raw.includes('\r\n');
  return {
    text: raw.slice(bom.length).replace(/\r\n?/g, '\n'),
    restore: (text) => bom + (crlf ? text.replace(/\n/g, '\r\n') : text),
  };
}

/** Markdown split at its frontmatter: `---` lines around the YAML, the rest is the body. */
export interface Frontmatter {
  /** The opening line, e.g. "---\n"; '' for a text without frontmatter. */
  open: string;
  yaml: string;
  /** The closing line, e.g. "---\n". */
  close: string;
  /** Everything after the closing `---` line, blank lines included. */
  rest: string;
}

const frontmatter = /^(---[ \t]*\n)([\s\S]*?)^(---[ \t]*(?:\n|$))/m;

/** The frontmatter of a Markdown text with "\n" line ends; none without an opening `---`. */
export function splitFrontmatter(text: string): Frontmatter {
  const match = frontmatter.exec(text);
  if (!match || match.index !== 0) return { open: '', yaml: '', close: '', rest: text };
  const [whole, open = '', yaml = '', close = ''] = match;
  return { open, yaml, close, rest: text.slice(whole.length) };
}

function dataOf(yaml: string): Record<string, unknown> {
  const value: unknown = parse(yaml);
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('the file holds no named fields');
  }
  return value as Record<string, unknown>;
}

/** What a file means; throws on YAML that does not parse. */
export function meaningOf(raw: string, format: FileFormat): FileMeaning {
  const { text } = plainText(raw);
  if (format === 'yaml') return { data: dataOf(text), body: '' };
  const { yaml, rest } = splitFrontmatter(text);
  return { data: dataOf(yaml), body: rest };
}

/**
 * Whether two Markdown texts say the same: blank lines at their start and spaces at their end
 * are no difference (Decap writes a body its own way), anything else is.
 */
export function sameBody(a: string, b: string): boolean {
  const words = (body: string) =>
    body.replace(/\r\n?/g, '\n').replace(/^\n+/, '').replace(/\s+$/, '');
  return words(a) === words(b);
}

/** Whether two values read from YAML are the same, whatever the order of their keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.hasOwn(right, key) && sameValue(left[key], right[key]))
  );
}
