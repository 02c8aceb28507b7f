/**
 * Serves the editor's JavaScript from the site itself (no CDN): Decap CMS from its npm package
 * into `/admin/decap/`, and `src/cms/browser/polo-cms.ts` bundled into `/admin/polo-cms.js`.
 * In `astro dev` the same addresses are answered from node_modules and by Vite
 * (cms-dev-server.ts).
 */
import { cpSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'vite';
import { editorDevMiddleware } from './cms-dev-server.ts';

const require = createRequire(import.meta.url);
const decapDist = dirname(require.resolve('decap-cms/dist/decap-cms.js'));
const entry = resolve(fileURLToPath(import.meta.url), '../../cms/browser/polo-cms.ts');

/** The files the editor loads: the bundle, its lazy chunks and WebAssembly; no source maps. */
export function decapFiles(): string[] {
  return readdirSync(decapDist).filter(
    (name) => /(^|\.)decap-cms\.js$/.test(name) || name.endsWith('.wasm'),
  );
}

export function cmsAssets(): AstroIntegration {
  let headersFile = '';
  return {
    name: 'polo-cms-assets',
    hooks: {
      'astro:config:setup': ({ config }) => {
        headersFile = fileURLToPath(new URL('_headers', config.publicDir));
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(editorDevMiddleware({ decapDist, decapFiles, headersFile }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const admin = join(fileURLToPath(dir), 'admin');
        for (const name of decapFiles()) cpSync(join(decapDist, name), join(admin, 'decap', name));
        await build({
          configFile: false,
          publicDir: false,
          logLevel: 'warn',
          build: {
            outDir: admin,
            emptyOutDir: false,
            target: 'es2022',
            lib: { entry, formats: ['es'], fileName: () => 'polo-cms.js' },
          },
        });
        logger.info('editor copied to /admin/');
      },
    },
  };
}
