/**
 * `npm start`: the built site on Node. Static pages and assets come from dist/client (already
 * compressed); everything else (the localized 404, the newsletter) goes to Astro's handler.
 * Every answer carries the headers of `_headers`, the same file static hosts apply.
 */
import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { headersFor, parseHeadersFile } from './headers-file.ts';
import { serveStatic } from './static-files.ts';

// The build, found from this file, so the server may run from any folder (its .data/ is there).
const dist = resolve(import.meta.dirname, '../../../dist');
const client = resolve(dist, 'client');
const rules = parseHeadersFile(readFileSync(resolve(client, '_headers'), 'utf8'));
const { handler } = (await import(pathToFileURL(resolve(dist, 'server/entry.mjs')).href)) as {
  handler: (req: unknown, res: unknown) => Promise<void>;
};

const host = process.env['HOST'] ?? '127.0.0.1';
const port = Number(process.env['PORT'] ?? 4321);

/**
 * Pages rendered on demand bring their own CSP header (hashes of their inline code); it must
 * join the site's (frame-ancestors …), not replace it. Two CSP headers are both enforced.
 */
function keepBothPolicies(res: ServerResponse) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find(
      (arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null,
    );
    const site = res.getHeader('content-security-policy');
    const page = headers?.['content-security-policy'];
    if (headers && site && page) headers['content-security-policy'] = [String(site), String(page)];
    return writeHead(status, ...rest);
  }) as ServerResponse['writeHead'];
}

const server = createServer((req, res) => {
  // A request line no URL parser accepts is the client's mistake, never a reason to stop.
  if (!URL.canParse(req.url ?? '/', 'http://localhost')) {
    res.writeHead(400).end();
    return;
  }
  try {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    for (const [name, value] of headersFor(rules, pathname)) res.setHeader(name, value);
    if (serveStatic(req, res, client)) return;
    keepBothPolicies(res);
    void handler(req, res);
  } catch (error) {
    console.error('[server]', error instanceof Error ? error.message : error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
});

server.listen(port, host, () => {
  console.info(`Polo Sociale Integrato di Siracusa: http://${host}:${port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
