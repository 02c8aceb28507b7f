/** The build and the server the benches measure: `npm run build` and `npm start`, on a free port. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const astro = resolve('node_modules/astro/bin/astro.mjs');

export function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `astro build` with `env` added (e.g. another content folder); returns the seconds it took. */
export function timedBuild(env: Record<string, string>): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [astro, 'build'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
  return (performance.now() - start) / 1000;
}

/**
 * `npm start` on a free port with a data folder of its own, serving `dist/` or POLO_OUT_DIR
 * from `env`; resolves once it answers.
 */
export async function startServer(
  env: Record<string, string>,
): Promise<{ url: string; stop: () => void; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'polo-bench-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [resolve('src/server/http/serve.ts')], {
    cwd: dir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: join(dir, '.data'),
      // No rebuild of its own during a measure, whatever the time.
      REBUILD_AT: 'off',
      ...env,
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/it/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, dir, stop: () => child.kill() };
}
