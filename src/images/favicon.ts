/**
 * The Polo's mark, whose one copy is public/favicon.svg, bundled at build time (the server's
 * pages render where no public/ folder is). Pages carry it as a `data:` URL: a first visit
 * asks for nothing but the page itself, and an offline page needs no file for its icon.
 */
import svg from '../../public/favicon.svg?raw';

export const mark = svg.trim();

/** The mark for `<link rel="icon">`: only what a URL cannot hold is escaped (about 250 B). */
export const faviconHref = `data:image/svg+xml,${mark.replace(/[\s"<>#%]/g, (c) =>
  encodeURIComponent(c),
)}`;
