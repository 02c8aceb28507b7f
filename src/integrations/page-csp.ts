/**
 * Trims each built page's Content-Security-Policy to the hashes of its own inline scripts and
 * styles. Astro writes the hashes of every script and style of the site into every page: some
 * thirty hashes, about 1.2 KB brotli a page that nothing uses, and 25 KB in what a reader
 * keeps for offline reading. A hash the page needs is never dropped: only those that match
 * none of its inline code.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

const sha256 = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page with only the hashes its inline `<script>` and `<style>` elements need. */
export function trimPageCsp(html: string): string {
  const used = new Set(
    [...html.matchAll(/<(script|style)\b[^>]*>([\s\S]*?)<\/\1>/g)].map(([, , body]) =>
      sha256(body ?? ''),
    ),
  );
  return html.replace(
    /(<meta http-equiv="content-security-policy" content=")([^"]*)"/,
    (_, start: string, policy: string) =>
      `${start}${policy.replace(/ 'sha256-[A-Za-z0-9+/=]+'/g, (hash) => (used.has(hash.trim()) ? hash : ''))}"`,
  );
}

export function pageCsp(): AstroIntegration {
  return {
    name: 'polo-page-csp',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = readFileSync(file, 'utf8');
          const trimmed = trimPageCsp(html);
          if (trimmed !== html) writeFileSync(file, trimmed);
        }
      },
    },
  };
}
