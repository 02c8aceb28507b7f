/**
 * Which revision of an Italian text a translation translates. A translation records the
 * revision of the Italian words it was written from (`translationOf`); when the Italian words
 * change afterwards, the revisions differ and the translation is out of date. The Italian file
 * records the day its words last changed (`textChanged`), which the translated page names.
 *
 * Runs in the browser (the editor writes both fields when it saves) and in Node (the build and
 * `npm run content -- translations` compare them), so it is a plain synchronous hash.
 */

/** The words of a text that a translation follows; the facts (dates, contacts) are not words. */
export interface TextWords {
  title?: unknown;
  summary?: unknown;
  body?: unknown;
}

/** Spacing that neither a reader nor a translator sees: line ends, trailing blanks, edges. */
function normalized(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** FNV-1a, 32 bits, over UTF-16 code units: enough to tell two revisions of one text apart. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The revision of a text's words, eight hex digits, e.g. textRevision({ title: 'Lavoro', … })
 * => '5c1f09a2'. Only the words count: a change of spacing at line ends is no new revision.
 */
export function textRevision(words: TextWords): string {
  const text = [words.title, words.summary, words.body].map(normalized).join('\u0000');
  return fnv1a(text).toString(16).padStart(8, '0');
}

/** The spelling of a revision, for the schema: eight lower-case hex digits. */
export const revisionPattern = /^[0-9a-f]{8}$/;
