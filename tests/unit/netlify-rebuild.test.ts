/**
 * Netlify's daily rebuild: the scheduled function POSTs to the build hook, and says in one line
 * (never repeating the hook, a secret) when it is missing or cannot be reached.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeServer, listenOnLoopback } from '../support/loopback-server';
import rebuild, { config } from '../../netlify/functions/rebuild.mts';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** A build hook on loopback that records the requests it gets. */
async function buildHook(status = 200) {
  const received: { method: string | undefined; url: string | undefined }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    received.push({ method: req.method, url: req.url });
    res.writeHead(status).end();
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}/build_hooks/secret-id`,
    received,
    close: () => closeServer(server),
  };
}

describe('the daily Netlify rebuild', () => {
  it('runs once a day', () => {
    expect(config.schedule).toBe('@daily');
  });

  it('POSTs to the build hook', async () => {
    const hook = await buildHook();
    vi.stubEnv('NETLIFY_BUILD_HOOK', hook.url);
    const answer = await rebuild();
    await hook.close();
    expect(answer.ok).toBe(true);
    expect(hook.received).toEqual([{ method: 'POST', url: '/build_hooks/secret-id' }]);
  });

  it('without a hook, says so in one line and calls nothing', async () => {
    vi.stubEnv('NETLIFY_BUILD_HOOK', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fetching = vi.spyOn(globalThis, 'fetch');
    await rebuild();
    expect(fetching).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('NETLIFY_BUILD_HOOK is not set');
  });

  it('logs a refused or unreachable hook without its address', async () => {
    const hook = await buildHook(404);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.stubEnv('NETLIFY_BUILD_HOOK', hook.url);
    expect((await rebuild()).ok).toBe(false);
    await hook.close();
    // Closed now: nothing listens there.
    expect((await rebuild()).ok).toBe(false);
    const lines = error.mock.calls.map((call) => String(call[0]));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('answered 404');
    expect(lines.join('\n')).not.toContain('secret-id');
  });
});
