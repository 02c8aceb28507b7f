/**
 * The status line's changes as a built page carries them (data-hours-changes), and what the
 * browser's lookup makes of them at an instant: the line a reader of that page would see.
 */
import { statusAt, type StatusChanges, type StatusLine } from '../../src/lib/hours/status-lookup';

/** An attribute's value as written in HTML, its entities decoded. */
export const unescapeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The changes a page's status line carries; throws if the page has no status line. */
export function carriedChanges(html: string): StatusChanges {
  const attribute = /data-hours-changes="([^"]+)"/.exec(html)?.[1];
  if (!attribute) throw new Error('the page has no status line');
  return JSON.parse(unescapeAttribute(attribute)) as StatusChanges;
}

/** The line the page shows at `now`, or undefined where it hides (outside its span). */
export const carriedLine = (html: string, now: number): StatusLine | undefined =>
  statusAt(carriedChanges(html), now);
