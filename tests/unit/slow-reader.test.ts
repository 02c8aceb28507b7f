/**
 * A client reading a large file slowly: served to the end while it reads at least at the
 * floor rate, cut at the deadline when it stops reading. Scaled down (a fast floor, a short
 * grace) so that it runs in seconds; the real deadline's numbers are checked apart.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listenOnLoopback } from '../support/loopback-server';
import { sendDeadline, sendTimeMs, serveStatic } from '../../src/server/http/static-files';

// Larger than what the kernel buffers on loopback, so that a client that stops reading stalls
// the server's writes.
const size = 32 * 1024 * 1024;
const deadline = { graceMs: 500, floorBytesPerSecond: size / 2 };
const root = mkdtempSync(join(tmpdir(), 'polo-slow-'));
let server: Server;
let port: number;
/** When the server last ended an answer, sent or cut. */
let answerClosedAt = 0;

beforeAll(async () => {
  writeFileSync(join(root, 'large.wasm'), randomBytes(size));
  server = createServer((req, res) => {
    res.once('close', () => (answerClosedAt = Date.now()));
    if (!serveStatic(req, res, root, deadline)) res.writeHead(404).end();
  });
  port = await listenOnLoopback(server);
});
afterAll(async () => {
  await closeServer(server);
  rmSync(root, { recursive: true, force: true });
});

/**
 * GETs /large.wasm reading at most `bytesPerSecond` (0: the first bytes, then nothing for
 * `stallMs`, after which it reads what is left) until the connection ends: the bytes received
 * and when it started.
 */
function read(bytesPerSecond: number, stallMs = 0): Promise<{ bytes: number; start: number }> {
  return new Promise((done) => {
    const start = Date.now();
    let bytes = 0;
    const socket = connect(port, '127.0.0.1', () =>
      socket.write('GET /large.wasm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    );
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytesPerSecond === 0 && bytes > chunk.length) return;
      socket.pause();
      const wait = bytesPerSecond > 0 ? (chunk.length / bytesPerSecond) * 1000 : stallMs;
      setTimeout(() => socket.resume(), wait);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => done({ bytes, start }));
  });
}

describe('a client reading a large file', () => {
  it('gets all of it reading at twice the floor rate', async () => {
    const { bytes, start } = await read(deadline.floorBytesPerSecond * 2);
    expect(bytes).toBeGreaterThan(size);
    expect(answerClosedAt - start).toBeLessThan(sendTimeMs(size, deadline));
  });

  it('is cut at the deadline when it stops reading', async () => {
    const allowed = sendTimeMs(size, deadline);
    const { bytes, start } = await read(0, allowed + 1_000);
    expect(bytes).toBeLessThan(size);
    expect(answerClosedAt - start).toBeGreaterThanOrEqual(allowed - 50);
    expect(answerClosedAt - start).toBeLessThan(allowed + 1_000);
  });
});

describe('the deadline of npm start', () => {
  it.each([0, 10_000, 1_236_926, 5_167_389, 50_000_000])(
    'gives %i bytes twice what a 400 kbit/s phone needs to read them, and at least the grace',
    (bytes) => {
      const at400kbps = (bytes / 50_000) * 1000;
      expect(sendTimeMs(bytes)).toBeGreaterThanOrEqual(
        Math.max(2 * at400kbps, sendDeadline.graceMs),
      );
    },
  );
});
