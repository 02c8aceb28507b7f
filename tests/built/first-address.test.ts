/**
 * `/` through `npm start`: a temporary redirect to the language the browser asks for, or the
 * chooser when it asks for none of the site's, both marked as depending on Accept-Language;
 * `/lingua/`, the chooser whatever the browser asks; a hostile header costs nothing.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/locales';
import { startSite, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

const get = (path: string, acceptLanguage?: string, init: RequestInit = {}) =>
  fetch(`${site.url}${path}`, {
    redirect: 'manual',
    ...init,
    headers: acceptLanguage === undefined ? {} : { 'Accept-Language': acceptLanguage },
  });

/** GET / with `headers` (CRLF-ended lines) as sent, which fetch would refuse; the answer's text. */
const raw = (headers: string) =>
  new Promise<string>((done, fail) => {
    const { hostname, port } = new URL(site.url);
    const socket = connect(Number(port), hostname, () =>
      socket.write(`GET / HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`),
    );
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('end', () => done(text));
    socket.on('error', fail);
  });

const varies = (response: Response) =>
  (response.headers.get('vary') ?? '').split(/\s*,\s*/).map((name) => name.toLowerCase());

/** The chooser: a page that links every language's home. */
async function expectChooser(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await response.text();
  for (const { code } of locales) expect(html).toContain(`href="/${code}/"`);
}

describe('/', () => {
  it.each([
    ['so,it;q=0.5', '/so/'],
    ['ar-EG', '/ar/'],
    ['pt-BR,fr;q=0.8', '/fr/'],
    ['it;q=0, en;q=0.1', '/en/'],
  ])('sends %s to %s, for now, with Vary', async (header, home) => {
    for (const method of ['GET', 'HEAD']) {
      const response = await get('/', header, { method });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(home);
      expect(varies(response)).toContain('accept-language');
      // Never kept: a reader who changes language is not sent back to the old one.
      expect(response.headers.get('cache-control')).toMatch(/no-store|no-cache/);
      expect(response.headers.get('cache-control')).not.toMatch(/max-age=[1-9]|immutable/);
    }
  });

  it.each([['de'], [''], ['*'], ['it;q=0'], ['x;;q==,,"<>'], [undefined]])(
    'shows the chooser for %j, with Vary',
    async (header) => {
      const response = await get('/', header);
      expect(varies(response)).toContain('accept-language');
      expect(varies(response)).toContain('accept-encoding');
      await expectChooser(response);
    },
  );

  it('answers a huge header at once, and one too large for the server with 431', async () => {
    const near = `${'xx-yy;q=0.1,'.repeat(1200)}so`;
    const started = performance.now();
    await expectChooser(await get('/', near));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await raw(`Accept-Language: ${'a,'.repeat(20_000)}\r\n`)).toMatch(/^HTTP\/1\.1 431/);
    // The server is still there.
    expect((await get('/', 'ta')).headers.get('location')).toBe('/ta/');
  });

  it('reads a header sent twice as one list of choices', async () => {
    const answer = await raw('Accept-Language: de\r\nAccept-Language: si\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 302/);
    expect(answer).toMatch(/\r\nlocation: \/si\/\r\n/i);
  });
});

describe('/lingua/', () => {
  it('shows the chooser whatever the browser asks, without depending on it', async () => {
    for (const header of ['so', 'ar-EG', 'de']) {
      const response = await get('/lingua/', header);
      expect(varies(response)).not.toContain('accept-language');
      await expectChooser(response);
    }
  });
});
