/**
 * Builds the page reader (src/scripts/read-aloud.ts) into a file of its own under /_astro/,
 * named by its content's hash: pages carry their scripts inline (astro.config.mjs), and this
 * one would weigh on every first visit for the few who press "listen". The pages' small check
 * (src/scripts/read-aloud-check.ts) gets its address as READ_ALOUD_SCRIPT. The service worker
 * keeps it after its first use, as every file under /_astro/ (src/sw/worker.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('../scripts/read-aloud.ts', import.meta.url));

/** The reader, minified, and its address, e.g. '/_astro/read-aloud.Xy12ab34.js'. */
export async function readAloudBundle(): Promise<{ code: string; url: string }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    charset: 'utf8',
    write: false,
  });
  const code = result.outputFiles[0]?.text ?? '';
  const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
  return { code, url: `/_astro/read-aloud.${hash}.js` };
}

export function readAloudScript(): AstroIntegration {
  let bundle: { code: string; url: string } | undefined;
  return {
    name: 'polo-read-aloud',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig }) => {
        // In development Vite serves the source as a module, fresh at each edit.
        if (command === 'build') bundle = await readAloudBundle();
        const url = bundle?.url ?? '/src/scripts/read-aloud.ts';
        updateConfig({ vite: { define: { READ_ALOUD_SCRIPT: JSON.stringify(url) } } });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!bundle) return;
        const file = join(fileURLToPath(dir), bundle.url);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, bundle.code);
        logger.info(`${bundle.url}: ${bundle.code.length} B, loaded when "listen" is pressed`);
      },
    },
  };
}
