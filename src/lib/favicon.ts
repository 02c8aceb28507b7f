/**
 * The Polo's mark, whose one copy is public/favicon.svg, read at build time (builds run from
 * the project's folder). Pages carry it as a `data:` URL: a first visit asks for nothing but
 * the page itself, and an offline page needs no file of its own for its icon.
 */
import { readFileSync } from 'node:fs';

export const mark = readFileSync('public/favicon.svg', 'utf8').trim();

/** The mark for `<link rel="icon">`: only what a URL cannot hold is escaped (about 250 B). */
export const faviconHref = `data:image/svg+xml,${mark.replace(/[\s"<>#%]/g, (c) =>
  encodeURIComponent(c),
)}`;
