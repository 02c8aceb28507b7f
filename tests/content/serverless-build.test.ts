/** The same site builds for Netlify's serverless functions (DEPLOY_TARGET=netlify). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const out = resolve('.test-builds/netlify');
// What the Netlify adapter writes into the project (a linked site's .netlify/state.json stays):
// gone before, so the checks see this build's output, and after, so nothing is left behind.
const adapterOutput = ['.netlify/v1', '.netlify/build'];
const clean = () => {
  rmSync(out, { recursive: true, force: true });
  for (const dir of adapterOutput) rmSync(dir, { recursive: true, force: true });
  if (existsSync('.netlify') && readdirSync('.netlify').length === 0)
    rmSync('.netlify', { recursive: true });
};
beforeAll(clean);
afterAll(clean);

it('produces the static pages and one function with the newsletter routes', () => {
  const result = spawnSync(
    process.execPath,
    [resolve('node_modules/astro/bin/astro.mjs'), 'build'],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        DEPLOY_TARGET: 'netlify',
        POLO_OUT_DIR: join(out, 'dist'),
        POLO_CACHE_DIR: join(out, 'cache'),
      },
    },
  );
  expect(result.status, result.stdout + result.stderr).toBe(0);
  expect(existsSync(join(out, 'dist/it/orari/index.html'))).toBe(true);
  expect(existsSync(join(out, 'dist/ar/newsletter/index.html'))).toBe(true);
  const functionDir = '.netlify/v1/functions/ssr';
  expect(existsSync(join(functionDir, 'ssr.mjs'))).toBe(true);
  // The local database and its secret stay on the machine that builds.
  expect(existsSync(join(functionDir, '.data'))).toBe(false);
  const chunks = readdirSync('.netlify/build/chunks');
  expect(chunks.some((name) => name.startsWith('subscribe'))).toBe(true);
  expect(chunks.some((name) => name.startsWith('confirm'))).toBe(true);
  const entry = readFileSync(join(functionDir, 'ssr.mjs'), 'utf8');
  expect(entry.length).toBeGreaterThan(0);
});
