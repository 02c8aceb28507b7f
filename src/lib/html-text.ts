/**
 * Plain text from the small HTML that Markdown makes (paragraphs, lists, headings, links,
 * emphasis), for the text part of a mail: readable in any mail program, links written out.
 */

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Decodes named and numeric character references, e.g. 'a &amp; b &#8217;' => 'a & b ’'. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * The text of `html`, one blank line between blocks, list items as '- ', links as
 * 'words (address)', e.g. '<p>See <a href="/it/orari/">hours</a></p>' => 'See hours (/it/orari/)'.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/\r\n?/g, '\n')
    // Line breaks inside a paragraph are spaces in HTML; only tags make lines.
    .replace(/\n/g, ' ')
    .replace(
      /<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi,
      (_whole, href: string, words: string) => {
        const label = words.replace(/<[^>]+>/g, '').trim();
        return label && label !== href ? `${label} (${href})` : href;
      },
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(p|h[1-6]|ul|ol|blockquote|table|pre)>/gi, '\n\n')
    .replace(/<(p|h[1-6]|ul|ol|blockquote|table|pre|tr)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
