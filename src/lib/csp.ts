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

/** A policy's directives by name, e.g. "a 'x'; b" => a: "'x'", b: ''. */
function directives(policy: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of policy.split(';')) {
    const [name = '', ...values] = part.trim().split(/\s+/);
    if (name && !found.has(name.toLowerCase())) found.set(name.toLowerCase(), values.join(' '));
  }
  return found;
}

/**
 * The directives a browser falls back to when a policy lacks `name`, nearest first (CSP 3),
 * e.g. 'script-src-elem' => ['script-src', 'default-src']; none for other directives.
 */
function fallbacks(name: string): string[] {
  const chains: Record<string, string[]> = {
    'script-src-elem': ['script-src'],
    'script-src-attr': ['script-src'],
    'style-src-elem': ['style-src'],
    'style-src-attr': ['style-src'],
    'worker-src': ['child-src', 'script-src'],
    'frame-src': ['child-src'],
  };
  const chain = chains[name];
  if (chain) return [...chain, 'default-src'];
  return name.endsWith('-src') && name !== 'default-src' ? ['default-src'] : [];
}

/**
 * One policy that allows exactly what `first` and `second` allow when sent as two headers (a
 * browser enforces both), or undefined when one policy cannot say that. E.g. the page's hashes
 * with the site's "frame-ancestors 'none'". A directive in both must match. One in only one
 * policy is kept as it is, unless the other policy covers the same requests by a fallback
 * (a default-src, say) and it allows more than 'none': the fallback would no longer apply.
 */
export function joinPolicies(first: string, second: string): string | undefined {
  const [a, b] = [directives(first), directives(second)];
  const keeps = (name: string, value: string, other: Map<string, string>) =>
    other.has(name)
      ? other.get(name) === value
      : value === "'none'" || !fallbacks(name).some((fallback) => other.has(fallback));
  for (const [name, value] of a) if (!keeps(name, value, b)) return undefined;
  for (const [name, value] of b) if (!keeps(name, value, a)) return undefined;
  const joined = new Map([...a, ...b]);
  return [...joined].map(([name, value]) => (value ? `${name} ${value}` : name)).join('; ');
}
