/**
 * `/health`, for uptime monitors: 200 `ok` while the site can work, 503 when its database
 * cannot be opened, with nothing else told and the pages still served.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startSite, type Site } from './harness';

/** The built server with `env`, apart from the harness (which opens the database itself). */
async function startServer(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'polo-health-'));
  const port = await freePort();
  const child = spawn(process.execPath, [resolve('src/server/http/serve.ts')], {
    cwd: dir,
    env: { ...process.env, DATA_DIR: dir, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; !(await fetch(`${url}/it/`).catch(() => undefined))?.ok; i++) {
    if (i > 100) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      child.kill();
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('/health', () => {
  let good: Site;
  let broken: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    good = await startSite();
    // A file under /dev/null: the folder can never be made.
    broken = await startServer({ DATABASE_URL: 'file:/dev/null/newsletter.db' });
  });
  afterAll(async () => {
    await good?.stop();
    await broken?.stop();
  });

  it('answers 200 ok, never cached, to GET and HEAD on a good set-up', async () => {
    const get = await fetch(`${good.url}/health`);
    expect(get.status).toBe(200);
    expect(await get.text()).toBe('ok\n');
    expect(get.headers.get('cache-control')).toBe('no-store');
    const head = await fetch(`${good.url}/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${good.url}/health`, { method: 'POST' })).status).toBe(405);
  });

  it('answers 503 without details when the database cannot be opened, and pages still work', async () => {
    const get = await fetch(`${broken.url}/health`);
    expect(get.status).toBe(503);
    const body = await get.text();
    expect(body).not.toMatch(/sqlite|database|dev\/null|error/i);
    expect(get.headers.get('cache-control')).toBe('no-store');
    expect([...get.headers.values()].join(' ')).not.toMatch(/sqlite|dev\/null/i);
    expect((await fetch(`${broken.url}/health`, { method: 'HEAD' })).status).toBe(503);
    expect((await fetch(`${broken.url}/it/orari/`)).status).toBe(200);
  });

  it('is in neither the sitemap nor what readers keep offline', () => {
    for (const file of ['sitemap-0.xml', 'sw.js']) {
      expect(readFileSync(`dist/client/${file}`, 'utf8')).not.toContain('/health');
    }
  });
});
