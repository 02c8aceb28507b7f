/**
 * The response headers of `npm start`, read from the real server: the same security set as
 * public/_headers on a page, an asset, the 404 and the endpoint; caching that revalidates
 * HTML and keeps hashed assets; compressed files for browsers that take them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/server/http/headers-file';
import { hashedAsset, startSite, type Site } from './harness';

const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
const securitySet = [...headersFor(rules, '/any/page/')];
const asset = hashedAsset();

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

const get = (path: string, init: RequestInit = {}) =>
  fetch(`${site.url}${path}`, { redirect: 'manual', ...init });

describe('security headers', () => {
  it('public/_headers holds the whole set', () => {
    const names = securitySet.map(([name]) => name.toLowerCase());
    expect(names).toEqual([
      'content-security-policy',
      'strict-transport-security',
      'x-content-type-options',
      'referrer-policy',
      'permissions-policy',
      'cross-origin-opener-policy',
    ]);
    const csp = headersFor(rules, '/').get('Content-Security-Policy') ?? '';
    for (const directive of [
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(headersFor(rules, '/').get('Strict-Transport-Security')).toBe(
      'max-age=63072000; includeSubDomains',
    );
  });

  it.each([
    ['a page', '/ar/orari/', {}],
    ['an asset', asset, {}],
    ['the 404', '/fr/no-such-page/', {}],
    [
      'the endpoint',
      '/api/newsletter/subscribe',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' },
    ],
  ] as const)('npm start sends the same set for %s', async (_name, path, init) => {
    const response = await get(path, init);
    for (const [name, value] of securitySet) {
      if (name === 'Content-Security-Policy') {
        // Pages rendered on demand join their own policy (hashes) to the site's, in one header.
        const policy = response.headers.get(name) ?? '';
        expect(policy, 'one header').not.toMatch(/, \w+-\w+ /);
        for (const directive of value.split('; ')) expect(policy).toContain(directive);
      } else {
        expect(response.headers.get(name), name).toBe(value);
      }
    }
  });

  it('carries no script or style permission in the headers, and no unsafe-inline anywhere', async () => {
    const page = await get('/it/');
    expect(page.headers.get('content-security-policy')).not.toMatch(/script-src|style-src/);
    const html = await page.text();
    const meta =
      html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/)?.[1] ?? '';
    expect(meta).toMatch(/script-src 'self'( 'sha256-[^']+')+/);
    expect(meta).toMatch(/style-src 'self'( 'sha256-[^']+')+/);
    expect(meta).not.toContain('unsafe-inline');
    // Only the staff's editor may (its styles are made as it runs; docs/editor.md, "What /admin/
    // sends").
    for (const rule of parseHeadersFile(readFileSync('public/_headers', 'utf8'))) {
      if (rule.pattern === '/admin/*') continue;
      expect(JSON.stringify(rule.headers), rule.pattern).not.toContain('unsafe-inline');
    }
  });

  it('sends the editor at /admin/ with noindex and its own policy, never a reader page', async () => {
    const editor = await get('/admin/');
    expect(editor.status).toBe(200);
    expect(editor.headers.get('x-robots-tag')).toContain('noindex');
    expect(await editor.text()).toContain('<meta name="robots" content="noindex');
    const policy = editor.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toMatch(/script-src 'self' /);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    const page = await get('/it/');
    expect(page.headers.get('x-robots-tag')).toBeNull();
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe');
  });
});

describe('the editor’s addresses', () => {
  const editorPolicy = headersFor(rules, '/admin/').get('Content-Security-Policy');

  it('sends /admin, as any folder without its slash, to the folder, query kept', async () => {
    for (const [path, location] of [
      ['/admin', '/admin/'],
      ['/admin?x=1', '/admin/?x=1'],
      ['/%61dmin', '/admin/'],
      ['/it/orari', '/it/orari/'],
    ]) {
      const answer = await get(path ?? '');
      expect(answer.status, path).toBe(301);
      expect(answer.headers.get('location'), path).toBe(location);
      if (location?.startsWith('/admin/')) {
        expect(answer.headers.get('content-security-policy'), path).toBe(editorPolicy);
      }
    }
  });

  it('gives every file of the editor, however its path is written, the editor’s headers', async () => {
    const files = readdirSync('dist/client/admin', { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name))
      .map((entry) => `/${relative('dist/client', join(entry.parentPath, entry.name))}`);
    expect(files).toContain('/admin/index.html');
    for (const path of [
      ...files,
      '/admin/',
      '/admin//',
      '/admin/./',
      '/%61dmin/',
      '/admin/x/../',
    ]) {
      const answer = await get(path, { method: 'HEAD' });
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get('content-security-policy'), path).toBe(editorPolicy);
      expect(answer.headers.get('x-robots-tag'), path).toContain('noindex');
    }
  });
});

describe('caching', () => {
  it('keeps hashed assets a year, unchanged', async () => {
    expect((await get(asset)).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
  });

  it('revalidates HTML, and answers 304 when it has not changed', async () => {
    const first = await get('/it/orari/');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await get('/it/orari/', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('never stores the endpoint’s answers', async () => {
    const response = await get('/api/newsletter/subscribe', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email: 'x@example.org', lang: 'it' }),
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('compression', () => {
  it('sends brotli to browsers that take it, and the plain file to others', async () => {
    const br = await get('/ar/', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const plain = await get('/ar/', { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(br.headers.get('content-length'))).toBeLessThan(
      Number(plain.headers.get('content-length')) / 2,
    );
    // fetch undoes the compression: the page is the same.
    expect(await br.text()).toBe(await plain.text());
  });

  it('serves neither _headers nor files outside the build', async () => {
    expect((await get('/_headers')).status).toBe(404);
    expect((await get('/%2e%2e/package.json')).status).toBe(404);
  });
});

describe('byte ranges', () => {
  it('a range of a page is of its uncompressed bytes, with the headers of the whole page', async () => {
    const page = readFileSync('dist/client/it/orari/index.html');
    const whole = await get('/it/orari/', { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    const part = await get('/it/orari/', {
      headers: { Range: 'bytes=0-99', 'Accept-Encoding': 'br, gzip' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-encoding')).toBeNull();
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${page.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(page.subarray(0, 100))).toBe(true);
    for (const name of ['content-security-policy', 'cache-control', 'vary']) {
      expect(part.headers.get(name), name).toBe(whole.headers.get(name));
    }
  });

  it('a hashed asset’s range is kept as long as the asset', async () => {
    const part = await get(asset, { headers: { Range: 'bytes=0-' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
