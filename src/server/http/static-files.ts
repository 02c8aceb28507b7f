/**
 * Serves the built pages and assets, compressed ahead of time (.br, .gz written at build),
 * with validators so a revisit costs a 304. HTML is revalidated on every visit; hashed
 * assets carry their cache rule from `_headers`. A `Range` request gets its bytes of the
 * uncompressed file (byte-range.ts), so that recordings play and seek.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { pipeline } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { ifRangeAllows, requestedRange, type RangeAnswer } from './byte-range.ts';
import { headerText, normalisedPath } from './headers-file.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  // Recordings of pages read aloud (src/pages/audio/): Ogg Opus or MP3.
  '.opus': 'audio/ogg',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
};

/** File extensions worth compressing; the build writes .br and .gz for these. */
export const compressible = [
  '.html',
  '.css',
  '.js',
  '.json',
  '.svg',
  '.xml',
  '.ics',
  '.txt',
  '.webmanifest',
];

function fileAt(path: string): Stats | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Encodings the browser accepts, e.g. 'gzip, br;Q=0' => ['gzip'] (q=0 means "not this one";
 * parameter names are case-insensitive).
 */
export function acceptedEncodings(header: string): string[] {
  return header
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, ...params]) => !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/i.test(p)))
    .map(([name]) => (name ?? '').trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Whether an `If-None-Match` header names `etag`, by the weak comparison of RFC 9110 (13.1.2):
 * '*' matches any, 'W/"a"' matches '"a"', lists are read entry by entry.
 */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.replace(/^W\//, '');
  const wanted = opaque(etag);
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === wanted);
}

/** The file for a URL path inside `root`, e.g. '/it/orari/' => root/it/orari/index.html. */
export function resolveFile(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = resolve(root);
  const path = normalize(join(base, decoded));
  if (path !== base && !path.startsWith(base + sep)) return undefined;
  // Files whose name starts with a dot or an underscore (like _headers) are not served.
  if (/[\\/][._][^\\/]*$/.test(path) && !path.includes(`${sep}_astro${sep}`)) return undefined;
  for (const candidate of [path, join(path, 'index.html')]) {
    if (fileAt(candidate)) return candidate;
  }
  return undefined;
}

/**
 * How long a file's answer may take: a client still reading after that is cut, so that one
 * reading very slowly (or not at all) holds no connection and no open file for ever.
 */
export interface SendDeadline {
  /** Time any answer gets, whatever its size: a slow network's start, a busy phone. */
  graceMs: number;
  /** The slowest reading served to the end, in bytes a second. */
  floorBytesPerSecond: number;
}

/**
 * 30 s plus the file at 25,000 bytes a second (200 kbit/s, half a 400 kbit/s 2G link): the
 * editor's 5.2 MB script, to a client that takes no compression, may take 237 s; at 400 kbit/s
 * it takes 103 s (its brotli copy 25 s).
 */
export const sendDeadline: SendDeadline = { graceMs: 30_000, floorBytesPerSecond: 25_000 };

/** Milliseconds an answer of `size` bytes may take, e.g. 5,167,389 => 236,696. */
export const sendTimeMs = (size: number, deadline = sendDeadline): number =>
  Math.ceil(deadline.graceMs + (size / deadline.floorBytesPerSecond) * 1000);

/**
 * Sends `file`, or its bytes `start..end` (inclusive), cutting the connection of a client
 * still reading at the deadline.
 */
function sendFile(
  res: ServerResponse,
  file: string,
  part: { start: number; end: number },
  deadline: SendDeadline,
) {
  const allowed = sendTimeMs(part.end + 1 - part.start, deadline);
  const timer = setTimeout(() => {
    console.warn(
      `[server] cut a client reading too slowly: ${res.req.url ?? ''} not sent within ${Math.round(allowed / 1000)} s`,
    );
    res.destroy();
  }, allowed);
  res.once('close', () => clearTimeout(timer));
  // A file gone between the look and the read (a deploy) ends this answer, not the server.
  pipeline(createReadStream(file, part), res, () => undefined);
}

/** The validator of `stats`'s file as sent with `encoding` (none: the file as it is). */
const etagOf = (stats: Stats, encoding?: string) =>
  `"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ''}"`;

/**
 * The range `req` asks of `file`, or whole when it asks none, or one `If-Range` says is of
 * another version. Ranges are of the file as it is, never of a compressed copy.
 */
function rangeOf(req: IncomingMessage, file: string): RangeAnswer & { stats?: Stats } {
  const header = req.headers.range;
  const stats = header ? fileAt(file) : undefined;
  if (!stats) return { kind: 'whole' };
  const ifRange = req.headers['if-range'];
  if (ifRange !== undefined && !ifRangeAllows(headerText(ifRange), etagOf(stats))) {
    return { kind: 'whole' };
  }
  const range = requestedRange(header, stats.size);
  return range.kind === 'whole' ? range : { ...range, stats };
}

/** Serves `req` from `root` if a file matches; false to let the application answer. */
export function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  deadline = sendDeadline,
): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  const file = resolveFile(root, pathname);
  if (!file) return false;
  // A folder is its address with the slash (`/admin` => `/admin/`), as static hosts answer: its
  // page then gets the headers `_headers` gives its folder, and its relative links resolve.
  if (!pathname.endsWith('/') && file.endsWith(`${sep}index.html`) && !pathname.endsWith('.html')) {
    // Resolved first, so that `//admin` never leads to the host `admin`.
    const folder = normalisedPath(pathname).replace(/\/?$/, '/');
    const query = new URL(req.url ?? '/', 'http://localhost').search;
    res.writeHead(301, { Location: `${folder}${query}`, 'Content-Length': 0 });
    res.end();
    return true;
  }
  const extension = extname(file);
  const range = rangeOf(req, file);
  const accepts =
    range.kind === 'whole' ? acceptedEncodings(String(req.headers['accept-encoding'] ?? '')) : [];
  let body = file;
  let encoding: string | undefined;
  if (compressible.includes(extension)) {
    // Beside any Vary of _headers (`/` varies with Accept-Language too).
    const vary = res.getHeader('Vary');
    res.setHeader('Vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
    for (const [name, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (accepts.includes(name) && fileAt(file + suffix)) {
        body = file + suffix;
        encoding = name;
        break;
      }
    }
  }
  const stats = range.kind === 'whole' ? fileAt(body) : range.stats;
  if (!stats) return false;
  const etag = etagOf(stats, encoding);
  res.setHeader('Content-Type', types[extension] ?? 'application/octet-stream');
  res.setHeader('ETag', etag);
  res.setHeader('Accept-Ranges', 'bytes');
  if (!res.hasHeader('Cache-Control')) {
    res.setHeader('Cache-Control', extension === '.html' ? 'no-cache' : 'public, max-age=3600');
  }
  if (encoding) res.setHeader('Content-Encoding', encoding);
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  if (range.kind === 'unsatisfiable') {
    res.setHeader('Content-Range', `bytes */${stats.size}`);
    // Never kept in place of the file (the rule above is for the file's own answers).
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Length', 0);
    res.statusCode = 416;
    res.end();
    return true;
  }
  const part =
    range.kind === 'part'
      ? { start: range.start, end: range.end }
      : { start: 0, end: stats.size - 1 };
  if (range.kind === 'part') {
    res.setHeader('Content-Range', `bytes ${part.start}-${part.end}/${stats.size}`);
  }
  res.setHeader('Content-Length', part.end + 1 - part.start);
  res.statusCode = range.kind === 'part' ? 206 : 200;
  if (req.method === 'HEAD' || part.end < part.start) res.end();
  else sendFile(res, body, part, deadline);
  return true;
}
