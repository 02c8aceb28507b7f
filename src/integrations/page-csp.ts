/**
 * Trims each built page's Content-Security-Policy to the hashes of its own inline scripts and
 * styles (src/lib/csp.ts says why): about 1.2 KB brotli a page, and 25 KB in what a reader
 * keeps for offline reading.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { trimPageCsp } from '../lib/csp.ts';

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
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
