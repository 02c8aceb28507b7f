import { describe, expect, it } from 'vitest';
import { headersFor, normalisedPath, parseHeadersFile } from '../../src/server/http/headers-file';
import { methodNotAllowed } from '../../src/server/http/methods';
import { acceptedEncodings, etagMatches } from '../../src/server/http/static-files';

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
  ])('%s %s => %s', (method, path, allow) => {
    expect(methodNotAllowed(method, path)).toBe(allow);
  });
});
