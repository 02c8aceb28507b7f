/**
 * A build of a copy of the content (tests/content/content-copy.ts), served by the real server
 * on a port of its own, for end-to-end tests that need content of their own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';

/** A free TCP port on loopback: the built tests' own. */
export { freePort } from '../built/harness';

/** The copy's own server: the project's server code beside the copy's build. */
export async function serveCopy(dir: string, port: number): Promise<ChildProcess> {
  cpSync('src', join(dir, 'src'), { recursive: true });
  const child = spawn(process.execPath, [join(dir, 'src/server/http/serve.ts')], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: join(dir, 'data'),
      SITE_URL: `http://127.0.0.1:${port}`,
      // The test rebuilds the copy itself: no daily rebuild of the server's own.
      REBUILD_AT: 'off',
    },
    stdio: 'ignore',
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/it/`)).ok) return child;
    } catch {
      if (i > 200) throw new Error('the copy did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export const stopServer = (child: ChildProcess | undefined) =>
  new Promise<void>((done) => {
    if (!child || child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill();
  });
