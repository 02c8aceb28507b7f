/**
 * Writes a brotli (.br) and a gzip (.gz) copy next to every text file of the static build,
 * at the highest levels, once: the server then sends the smallest copy the browser accepts.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { compressible } from '../server/http/static-files.ts';

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

export function precompress(): AstroIntegration {
  return {
    name: 'polo-precompress',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        let count = 0;
        for (const file of files(fileURLToPath(dir))) {
          if (!compressible.includes(extname(file))) continue;
          const content = readFileSync(file);
          // The editor's 5 MB bundle would take ten seconds at the top level, for a few percent.
          const quality = content.length > 1024 * 1024 ? 9 : 11;
          writeFileSync(
            `${file}.br`,
            brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }),
          );
          writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
          count++;
        }
        logger.info(`${count} files compressed (.br, .gz)`);
      },
    },
  };
}
