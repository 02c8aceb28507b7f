/**
 * Byte ranges from the static server of `npm start`: a player asking for part of a recording
 * gets exactly those bytes (206), a range past the end a 416, and anything the server does not
 * take the whole file. Ranges are of the file as it is, even where a compressed copy exists.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listenOnLoopback } from '../support/loopback-server';
import { serveStatic } from '../../src/server/http/static-files';

const root = mkdtempSync(join(tmpdir(), 'polo-range-'));
const recording = randomBytes(10_000);
const script = Buffer.from('console.log("polo");\n'.repeat(200));
let server: Server;
let port: number;

beforeAll(async () => {
  mkdirSync(join(root, 'audio'));
  writeFileSync(join(root, 'audio', 'prova.opus'), recording);
  writeFileSync(join(root, 'app.js'), script);
  writeFileSync(join(root, 'app.js.br'), brotliCompressSync(script));
  writeFileSync(join(root, 'app.js.gz'), gzipSync(script));
  server = createServer((req, res) => {
    if (!serveStatic(req, res, root)) res.writeHead(404).end();
  });
  port = await listenOnLoopback(server);
});
afterAll(async () => {
  await closeServer(server);
  rmSync(root, { recursive: true, force: true });
});

/** A request with exactly `headers` (no decoding): status, headers and the bytes received. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
    (done, fail) => {
      const req = request({ port, host: '127.0.0.1', path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', fail);
      req.end();
    },
  );
}

describe('a range of a recording', () => {
  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=9000-', 9000, 9999],
    ['bytes=-500', 9500, 9999],
    ['bytes=9990-20000', 9990, 9999],
  ])('%s => bytes %i-%i, exactly', async (range, start, end) => {
    const answer = await get('/audio/prova.opus', { Range: range });
    expect(answer.status).toBe(206);
    expect(answer.headers['content-range']).toBe(`bytes ${start}-${end}/10000`);
    expect(answer.headers['content-length']).toBe(String(end + 1 - start));
    expect(answer.headers['accept-ranges']).toBe('bytes');
    expect(answer.headers['content-type']).toBe('audio/ogg');
    expect(answer.body.equals(recording.subarray(start, end + 1))).toBe(true);
  });

  it('HEAD says what the GET would send, without the bytes', async () => {
    const answer = await get('/audio/prova.opus', { Range: 'bytes=100-199' }, 'HEAD');
    expect(answer.status).toBe(206);
    expect(answer.headers['content-range']).toBe('bytes 100-199/10000');
    expect(answer.headers['content-length']).toBe('100');
    expect(answer.body.length).toBe(0);
  });

  it('past the end is a 416 that gives the size', async () => {
    const answer = await get('/audio/prova.opus', { Range: 'bytes=10000-' });
    expect(answer.status).toBe(416);
    expect(answer.headers['content-range']).toBe('bytes */10000');
    expect(answer.body.length).toBe(0);
  });

  it.each(['bytes=0-1,5-6', 'bytes=5-1', 'bytes=x-', 'lines=0-1'])(
    '%s gets the whole file',
    async (range) => {
      const answer = await get('/audio/prova.opus', { Range: range });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-range']).toBeUndefined();
      expect(answer.headers['accept-ranges']).toBe('bytes');
      expect(answer.body.equals(recording)).toBe(true);
    },
  );

  it('If-Range with the file’s ETag gets the range; with another, the whole file', async () => {
    const { headers } = await get('/audio/prova.opus');
    const etag = String(headers.etag);
    const same = await get('/audio/prova.opus', { Range: 'bytes=0-9', 'If-Range': etag });
    expect(same.status).toBe(206);
    expect(same.body.equals(recording.subarray(0, 10))).toBe(true);
    const other = await get('/audio/prova.opus', { Range: 'bytes=0-9', 'If-Range': '"old"' });
    expect(other.status).toBe(200);
    expect(other.body.equals(recording)).toBe(true);
  });
});

describe('a range of a file with compressed copies', () => {
  it('is of the uncompressed bytes, whatever the client accepts', async () => {
    const answer = await get('/app.js', { Range: 'bytes=0-19', 'Accept-Encoding': 'br, gzip' });
    expect(answer.status).toBe(206);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['content-range']).toBe(`bytes 0-19/${script.length}`);
    expect(answer.body.toString()).toBe('console.log("polo");');
    expect(answer.headers.vary).toBe('Accept-Encoding');
  });

  it('the whole file is still sent compressed, and says it takes ranges', async () => {
    const answer = await get('/app.js', { 'Accept-Encoding': 'br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['accept-ranges']).toBe('bytes');
    expect(answer.headers['content-range']).toBeUndefined();
  });

  it('a malformed range is ignored: the whole file, compressed', async () => {
    const answer = await get('/app.js', { Range: 'bytes=0-1,4-5', 'Accept-Encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
  });
});
