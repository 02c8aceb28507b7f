import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  headersFor,
  matches,
  normalisedPath,
  parseHeadersFile,
} from '../../src/server/http/headers-file';
import { methodNotAllowed } from '../../src/server/http/methods';
import { chosenEncoding } from '../../src/server/http/compress-answer';
import { acceptedEncodings, etagMatches, resolveFile } from '../../src/server/http/static-files';

describe('paths matched against _headers', () => {
  it.each([
    ['/%5Fastro/x.js', '/_astro/x.js'],
    ['/%5fastro//x.js', '/_astro/x.js'],
    ['/it/../_astro/./x.js', '/_astro/x.js'],
    ['/../../etc/passwd', '/etc/passwd'],
    ['/it/orari/', '/it/orari/'],
    ['/', '/'],
    ['/%E0%A4%A', '/%E0%A4%A'],
  ])('%s => %s', (path, normalised) => {
    expect(normalisedPath(path)).toBe(normalised);
  });

  it('gives an encoded asset path the immutable rule', () => {
    const rules = parseHeadersFile('/_astro/*\n  Cache-Control: immutable\n');
    expect(headersFor(rules, normalisedPath('/%5Fastro/x.js')).get('Cache-Control')).toBe(
      'immutable',
    );
  });
});

describe('Accept-Encoding', () => {
  it.each([
    ['gzip, br', ['gzip', 'br']],
    ['gzip, br;q=0', ['gzip']],
    ['gzip, br;Q=0', ['gzip']],
    ['BR ; Q = 0.000, gzip;q=0.5', ['gzip']],
    ['br;q=0.1', ['br']],
  ])('%s => %o', (header, encodings) => {
    expect(acceptedEncodings(header)).toEqual(encodings);
  });

  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, br;q=0', 'gzip'],
    ['deflate', undefined],
    ['', undefined],
  ])('an answer made on demand to %o is sent as %o', (header, encoding) => {
    expect(chosenEncoding(header)).toBe(encoding);
  });
});

describe('If-None-Match (weak comparison)', () => {
  const etag = '"abc-1-br"';
  it.each([
    ['"abc-1-br"', true],
    ['W/"abc-1-br"', true],
    ['"x", W/"abc-1-br" , "y"', true],
    ['*', true],
    ['"abc-1"', false],
    ['"x", "y"', false],
    ['', false],
  ])('%s => %s', (header, match) => {
    expect(etagMatches(header, etag)).toBe(match);
    expect(etagMatches(header, `W/${etag}`)).toBe(match);
  });
});

describe('methods', () => {
  it.each([
    ['GET', '/it/orari/', undefined],
    ['HEAD', '/_astro/x.js', undefined],
    ['POST', '/it/orari/', 'GET, HEAD'],
    ['TRACE', '/', 'GET, HEAD'],
    ['OPTIONS', '/ar/', 'GET, HEAD'],
    ['POST', '/it/newsletter/confirm/', undefined],
    ['DELETE', '/fr/newsletter/unsubscribe', 'GET, HEAD, POST'],
    ['POST', '/xx/newsletter/confirm/', 'GET, HEAD'],
    // The endpoint answers its own 405, in the subscriber's language…
    ['GET', '/api/newsletter/subscribe', undefined],
    ['PUT', '/api/newsletter/subscribe', undefined],
    // …except for what a Fetch Request cannot carry.
    ['TRACE', '/api/newsletter/subscribe', 'POST'],
    ['POST', '/api/newsletter/unsubscribe', undefined],
    ['TRACE', '/api/newsletter/unsubscribe', 'GET, HEAD, POST'],
    ['POST', '/api/accessibility/report', undefined],
    ['GET', '/api/accessibility/report', undefined],
    ['CONNECT', '/api/accessibility/report', 'POST'],
    ['POST', '/it/accessibilita/', 'GET, HEAD'],
    // The uptime monitors' check is read-only.
    ['HEAD', '/health', undefined],
    ['POST', '/health', 'GET, HEAD'],
  ])('%s %s => %s', (method, path, allow) => {
    expect(methodNotAllowed(method, path)).toBe(allow);
  });
});

describe('the _headers file', () => {
  const text = [
    '# the whole site',
    '/*',
    '  X-Frame-Options: DENY',
    '  Cache-Control: no-cache',
    '',
    '/_astro/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    '/admin/*',
    "  Content-Security-Policy: default-src 'self'; img-src https://a.example:443",
  ].join('\n');

  it('reads each path with its headers, a colon inside a value kept', () => {
    const rules = parseHeadersFile(text);
    expect(rules.map((rule) => rule.pattern)).toEqual(['/*', '/_astro/*', '/admin/*']);
    expect(rules[2]?.headers).toEqual([
      ['Content-Security-Policy', "default-src 'self'; img-src https://a.example:443"],
    ]);
  });

  it('lets a later rule override an earlier one, and keeps the rest', () => {
    const headers = headersFor(parseHeadersFile(text), '/_astro/a.js');
    expect(headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(headers.get('X-Frame-Options')).toBe('DENY');
    expect(headersFor(parseHeadersFile(text), '/it/').get('Cache-Control')).toBe('no-cache');
  });

  it('says which line is wrong', () => {
    expect(() => parseHeadersFile('  X-Frame-Options: DENY\n')).toThrow(/line 1/);
    expect(() => parseHeadersFile('/*\n  no colon here\n')).toThrow(/line 2/);
  });

  it('matches * across folders, and dots literally', () => {
    expect(matches('/_astro/*', '/_astro/a/b.js')).toBe(true);
    expect(matches('/a.b', '/aXb')).toBe(false);
    // As Netlify matches: a last `/*` takes the folder itself, and only it.
    expect(matches('/admin/*', '/admin')).toBe(true);
    expect(matches('/admin/*', '/admin/')).toBe(true);
    expect(matches('/admin/*', '/administrator')).toBe(false);
    expect(matches('/*', '/')).toBe(true);
    expect(matches('/sw.js', '/sw.js')).toBe(true);
    expect(matches('/sw.js', '/sw.jsx')).toBe(false);
  });
});

describe('the file for a URL path', () => {
  const root = mkdtempSync(join(tmpdir(), 'polo-resolve-'));
  mkdirSync(join(root, 'it/orari'), { recursive: true });
  mkdirSync(join(root, '_astro'));
  writeFileSync(join(root, 'it/orari/index.html'), '');
  writeFileSync(join(root, '_astro/a.js'), '');
  writeFileSync(join(root, '_headers'), '');
  writeFileSync(join(root, '.env'), '');
  writeFileSync(join(`${root}-secret`), '');
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(`${root}-secret`, { force: true });
  });

  it.each([
    ['/it/orari/', 'it/orari/index.html'],
    ['/it/orari', 'it/orari/index.html'],
    ['/it/orari/index.html', 'it/orari/index.html'],
    ['/_astro/a.js', '_astro/a.js'],
    ['/%5Fastro/a.js', '_astro/a.js'],
  ])('%s => %s', (path, file) => {
    expect(resolveFile(root, path)).toBe(join(root, file));
  });

  it.each([
    ['a missing file', '/it/missing/'],
    ['_headers', '/_headers'],
    ['a dot file', '/.env'],
    ['a file outside the root', `/../${basename(root)}-secret`],
    ['an encoded way out', '/%2e%2e/etc/passwd'],
    ['a NUL byte', '/it/orari/%00'],
    ['a path that does not decode', '/%E0%A4%A'],
  ])('serves no file for %s', (_name, path) => {
    expect(resolveFile(root, path)).toBeUndefined();
  });
});
