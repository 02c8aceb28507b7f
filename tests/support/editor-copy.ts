/**
 * The editor's local proxy (`decap-server`, as `npx decap-server` on a staff computer) over a
 * copy of `content/` with a fixture's files put over it and without the notices staff published
 * (a real closure could cross the test's own), for the end-to-end tests that save through the
 * editor: they write into the copy, never into the real content.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface EditorCopy {
  /** The copy's folder; its content is in `{repo}/content`. */
  repo: string;
  stop(): void;
}

/** Copies the content, lays `fixture`'s files over it and starts the proxy on `port`. */
export async function startEditorCopy(name: string, port: number, fixture: string) {
  mkdirSync('.test-builds', { recursive: true });
  const repo = resolve(mkdtempSync(join('.test-builds', `${name}-`)));
  cpSync('content', join(repo, 'content'), { recursive: true });
  rmSync(join(repo, 'content', 'notices'), { recursive: true });
  mkdirSync(join(repo, 'content', 'notices', 'it'), { recursive: true });
  cpSync(fixture, join(repo, 'content'), { recursive: true });
  const proxy = spawn(process.execPath, [resolve('node_modules/decap-server/dist/index.js')], {
    cwd: repo,
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: '127.0.0.1',
      MODE: 'fs',
      GIT_REPO_DIRECTORY: repo,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((done, fail) => {
    let log = '';
    proxy.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('listening')) done();
    });
    proxy.on('exit', (code) => fail(new Error(`decap-server stopped (${code}): ${log}`)));
  });
  return {
    repo,
    stop() {
      proxy.kill();
      rmSync(repo, { recursive: true, force: true });
    },
  } satisfies EditorCopy;
}
