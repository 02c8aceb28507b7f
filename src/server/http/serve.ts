/**
 * `npm start`: the built site on Node. Static pages and assets come from dist/client (already
 * compressed); everything else (the localized 404, the newsletter) goes to Astro's handler,
 * and is compressed as it is sent (compress-answer.ts).
 * Every answer, errors included, carries the headers of `_headers`, the same file static hosts
 * apply. The settings are checked before anything else: a mistake stops the server with one line.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  parseSettings,
  serverOrigin,
  settingsFrom,
  type ParsedSettings,
} from '../core/settings.ts';
import { announceServerOrigin, readEnv, SettingsError } from '../../settings/settings.ts';
import { joinPolicies } from '../../lib/csp.ts';
import { currentBuild, served, startBuilds, stopBuilds } from './builds.ts';
import { compressAnswer } from './compress-answer.ts';
import { headersFor, headerText, normalisedPath } from './headers-file.ts';
import { languageHome } from './language-home.ts';
import { methodNotAllowed } from './methods.ts';
import { serveStatic } from './static-files.ts';
import { startJobs } from '../jobs/node.ts';

let settings: ParsedSettings;
try {
  // Every setting the server or its routes read, checked without writing anything.
  settings = parseSettings(readEnv('server'));
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(`server: ${error.message}`);
  process.exit(2);
}

const { host, port } = settings;
const origin = serverOrigin(host, port);
// Links in mails lead here when SITE_URL is unset (see runtime.ts); never to a request's Host.
announceServerOrigin(origin);

// The build (dist/, found from this file, so the server may run from any folder), then each
// daily rebuild: every request reads the one in use when it arrives (builds.ts).
await startBuilds();

/** A request that has not sent all of itself by then is dropped (a slow client holds nothing). */
const requestTimeoutMs = 15_000;
/** Largest request body kept (the forms' own limits are lower and answered by them). */
const maxBodyBytes = 64 * 1024;
/** After SIGTERM, connections still busy get this long before they are cut. */
const shutdownGraceMs = 3_000;

/**
 * Answers from Astro's handler: the site's CSP and the page's own (the hashes of its inline
 * code) become one header that allows exactly what the two would (joinPolicies; two headers
 * when one cannot say it), the status text matches the code (a page rendered
 * for an error keeps no "OK"), text says its charset and nothing is cached unless it says so.
 */
function normaliseAppAnswer(res: ServerResponse) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = (status: number, ...rest: unknown[]) => {
    const headers = rest.find(
      (arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null,
    );
    const site = headerText(res.getHeader('content-security-policy'));
    const page = headerText(headers?.['content-security-policy']);
    if (headers && site && page)
      headers['content-security-policy'] = joinPolicies(page, site) ?? [site, page];
    const type = headerText(headers?.['content-type'] ?? res.getHeader('content-type'));
    if (/^text\/[^;]+$/i.test(type.trim())) {
      if (headers?.['content-type']) headers['content-type'] = `${type}; charset=utf-8`;
      else res.setHeader('Content-Type', `${type}; charset=utf-8`);
    }
    // An error is never kept, even where _headers says so for the path (a missing /_astro/ file).
    if (!headers?.['cache-control'] && (status >= 400 || !res.hasHeader('cache-control'))) {
      res.setHeader('Cache-Control', 'no-store');
    }
    return writeHead(status, STATUS_CODES[status] ?? 'Unknown', headers ?? {});
  };
}

/** A short plain-text answer of the server's own (400, 405, 500), with the site's headers. */
function plainAnswer(res: ServerResponse, status: number, extra: Record<string, string> = {}) {
  const body = `${status} ${STATUS_CODES[status] ?? ''}\n`;
  res.writeHead(status, STATUS_CODES[status], {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

const server = createServer(
  {
    requestTimeout: requestTimeoutMs,
    headersTimeout: requestTimeoutMs,
    // How often Node looks for requests past their time (30 s by default).
    connectionsCheckingInterval: 1_000,
  },
  (req, res) => {
    const { rules, client, handler } = served();
    // Safe to apply to anything: the site's security set for every path (a request line no
    // URL parser accepts gets the rules of /*).
    const parsable = URL.canParse(req.url ?? '/', 'http://localhost');
    const pathname = parsable ? new URL(req.url ?? '/', 'http://localhost').pathname : '/';
    for (const [name, value] of headersFor(rules, normalisedPath(pathname))) {
      res.setHeader(name, value);
    }
    // A request line no URL parser accepts is the client's mistake, never a reason to stop.
    if (!parsable) return plainAnswer(res, 400);
    if (!decodes(pathname)) {
      console.warn('[server] 400 to a path that is not valid percent-encoding');
      return plainAnswer(res, 400);
    }
    const allow = methodNotAllowed(req.method ?? '', normalisedPath(pathname));
    if (allow) return plainAnswer(res, 405, { Allow: allow });
    // `/` in the browser's language when it names one; never stored (see language-home.ts).
    const home = languageHome(req, normalisedPath(pathname));
    if (home) return plainAnswer(res, 302, { Location: home });
    try {
      if (serveStatic(req, res, client)) return;
      normaliseAppAnswer(res);
      compressAnswer(res);
      if (req.method === 'GET' || req.method === 'HEAD') {
        handler(req, res).catch((error: unknown) => failed(res, error));
        return;
      }
      // The body is read here, so that a client leaving halfway is one line in the log and
      // never reaches the application (which would log it as a failure, with its stack).
      readBody(req, res)
        .then((body) => {
          if (!body) return;
          Object.assign(req, { body });
          return handler(req, res);
        })
        .catch((error: unknown) => failed(res, error));
    } catch (error) {
      failed(res, error);
    }
  },
);

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * The request's body, or its first `maxBodyBytes` when it is longer (the rest is read and
 * dropped, within `requestTimeoutMs`): the form then answers it with the form again and what
 * was typed, never a bare 413. Undefined when the client left before sending all of it.
 */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size < maxBodyBytes) chunks.push(chunk.subarray(0, maxBodyBytes - size));
      size += chunk.length;
    });
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', () => {
      if (!res.headersSent && !answeredBySocket.has(req.socket)) {
        console.warn(`[server] client left before sending its whole request (${req.method})`);
      }
      done(undefined);
    });
  });
}

/** An error of ours: one line in the log, a 500 to the client. */
function failed(res: ServerResponse, error: unknown) {
  console.error('[server]', error instanceof Error ? error.message : error);
  if (!res.headersSent) plainAnswer(res, 500);
  else res.destroy();
}

// Node answers malformed requests (400) and oversized headers (431) itself, before any
// handler: give those answers the site's headers too, and log each in one short line.
/** Connections the server answered itself (a timeout): their request logs nothing more. */
const answeredBySocket = new WeakSet<Socket>();
const clientErrors = new Map<string, number>([
  ['HPE_HEADER_OVERFLOW', 431],
  ['ERR_HTTP_REQUEST_TIMEOUT', 408],
]);
server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
  const code = error.code ?? 'error';
  // A client that went away has nobody left to answer (a request underway logs it once).
  const left = code === 'ECONNRESET' || code === 'HPE_INVALID_EOF_STATE';
  if (left || !socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const status = clientErrors.get(code) ?? 400;
  answeredBySocket.add(socket);
  console.warn(`[server] ${status} to a malformed request (${code})`);
  const body = `${status} ${STATUS_CODES[status] ?? ''}\n`;
  const headers = [...headersFor(served().rules, '/')].filter(([name]) => name !== 'Cache-Control');
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
      ...headers.map(([name, value]) => `${name}: ${value}`),
      'Content-Type: text/plain; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
});

// Notices, the outbox's retries, the purge and receipts, on a timer (JOBS_INTERVAL_SECONDS).
const jobs = startJobs({
  intervalSeconds: settings.jobsIntervalSeconds,
  settings: () => settingsFrom(readEnv('server'), { servedAt: origin }),
  // The notices of the build being served, which a daily rebuild replaces.
  clientDir: () => currentBuild().client,
});

server.listen(port, host, () => {
  console.info(`Polo Sociale Integrato di Siracusa: ${origin}/`);
  if (!settings.staffEmail) {
    console.info(
      '[reports] STAFF_EMAIL is not set: accessibility reports are stored, not mailed (npm run reports -- list)',
    );
  }
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    jobs.stop();
    stopBuilds();
    server.close(() => process.exit(0));
    // Idle keep-alive connections go now; busy ones may finish within the grace, then are cut.
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      setTimeout(() => process.exit(0), 500).unref();
    }, shutdownGraceMs).unref();
  });
}
