/**
 * Compresses the answers Astro's handler makes on demand (the 404, the newsletter's pages, the
 * forms sent back) for a client that takes brotli or gzip: built pages are compressed at build
 * time, these are made per request, so a fast brotli level keeps the time to first byte short.
 * The whole answer is held until it ends (a page of some 30 KB), then sent with its length.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { headerText as text } from './headers-file.ts';
import { acceptedEncodings } from './static-files.ts';

/**
 * Brotli's level for answers made per request: the Arabic 404 (17.3 KB) becomes 5.0 KB in a
 * few ms, where level 11 makes 4.6 KB in some 50 ms (docs/benchmarks.md).
 */
export const onDemandBrotliQuality = 5;

/** Text worth compressing: HTML, plain text, JSON. */
const compressibleType = /^(text\/|application\/(json|xml)\b)/i;

export function compressedBody(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: onDemandBrotliQuality,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body, { level: 6 });
}

/** The encoding to send to a client whose `Accept-Encoding` is `header`, e.g. 'gzip, br' => 'br'. */
export function chosenEncoding(header: string): 'br' | 'gzip' | undefined {
  const accepted = acceptedEncodings(header);
  return accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : undefined;
}

/**
 * Makes `res` compress what the application writes to it, when its type is text and the
 * client takes an encoding; every answer that could have been compressed says
 * `Vary: Accept-Encoding`, so that no cache hands a compressed page to a client without it.
 */
export function compressAnswer(res: ServerResponse): void {
  const encoding = chosenEncoding(text(res.req.headers['accept-encoding']));
  const writeHead = res.writeHead.bind(res) as (
    status: number,
    headers: OutgoingHttpHeaders,
  ) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let held: { status: number; headers: OutgoingHttpHeaders } | undefined;
  const chunks: Buffer[] = [];

  res.writeHead = (status: number, ...rest: unknown[]) => {
    const headers = (rest.find((arg) => typeof arg === 'object' && arg !== null) ??
      {}) as OutgoingHttpHeaders;
    const type = text(headers['content-type'] ?? res.getHeader('content-type'));
    if (!compressibleType.test(type) || headers['content-encoding']) {
      return writeHead(status, headers);
    }
    const vary = text(headers['vary'] ?? res.getHeader('vary'));
    headers['vary'] = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding';
    // A HEAD says what a GET would (Vary), with nothing to compress.
    const bodiless = res.req.method === 'HEAD' || status === 204 || status === 304;
    if (!encoding || bodiless) return writeHead(status, headers);
    held = { status, headers };
    return res;
  };

  const hold = (chunk: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!held) return write(chunk, ...rest);
    hold(chunk);
    const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (done) process.nextTick(done);
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (!held || !encoding) return end(chunk, ...rest);
    hold(chunk);
    const body = compressedBody(Buffer.concat(chunks), encoding);
    const { status, headers } = held;
    held = undefined;
    delete headers['transfer-encoding'];
    writeHead(status, {
      ...headers,
      'content-encoding': encoding,
      'content-length': body.length,
    });
    return end(body);
  }) as typeof res.end;
}
