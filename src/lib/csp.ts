/**
 * A page's Content-Security-Policy trimmed to the hashes of its own inline scripts and styles.
 * Astro writes the hashes of every script and style of the site into every page's policy (its
 * <meta> for a built page, its header for an answer made on demand): some thirty hashes, about
 * 1.2 KB brotli that nothing uses. A hash the page needs is never dropped: only those that
 * match none of its inline code.
 */
import { createHash } from 'node:crypto';
import { fromHtml } from 'hast-util-from-html';

const sha256 = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hash sources of the page's inline `<script>` and `<style>` elements. */
export function inlineHashes(html: string): Set<string> {
  return new Set(
    [...html.matchAll(/<(script|style)\b[^>]*>([\s\S]*?)<\/\1>/g)].map(([, , body]) =>
      sha256(body ?? ''),
    ),
  );
}

/** `policy` without the hash sources that are not in `used`, e.g. "script-src 'self' 'sha256-…'". */
export function trimPolicy(policy: string, used: Set<string>): string {
  return policy.replace(/ +'sha256-[A-Za-z0-9+/=]+'/g, (hash) =>
    used.has(hash.trim()) ? hash : '',
  );
}

/** The policy of a page's CSP `<meta>`, whatever the spelling of its quotes. */
const cspMeta = /<meta\b[^>]*\bhttp-equiv\s*=\s*["']?content-security-policy\b[^>]*>/i;

/**
 * The page with only the hashes its inline code needs in its CSP `<meta>`. The attribute is
 * read as a browser reads it, so `'`, `&#x27;`, `&#39;` and `&apos;` are all the same quote,
 * and written back with plain quotes (the shortest spelling).
 */
export function trimPageCsp(html: string): string {
  const tag = cspMeta.exec(html)?.[0];
  if (!tag) return html;
  const meta = fromHtml(tag, { fragment: true }).children[0];
  const policy = meta?.type === 'element' ? meta.properties['content'] : undefined;
  if (typeof policy !== 'string') return html;
  const trimmed = trimPolicy(policy, inlineHashes(html))
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;');
  return html.replace(
    tag,
    () => `<meta http-equiv="content-security-policy" content="${trimmed}">`,
  );
}
