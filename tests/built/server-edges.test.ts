/**
 * The edges of `npm start`: settings refused at start with one line, methods, paths and
 * validators read as HTTP means them, error answers as complete as pages, data files that
 * only their owner reads, and a stop that takes seconds whatever the clients do.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/server/http/headers-file';
import { hashedAsset, startSite, type Site } from './harness';

const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
const securitySet = [...headersFor(rules, '/it/')].filter(([name]) => name !== 'Cache-Control');
const asset = hashedAsset().replace('/_astro/', '');

/** Runs an npm script with `env`; its exit code and what it printed. */
function npm(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn('npm', ['--silent', ...args], {
      env: { ...process.env, DATA_DIR: '/nonexistent/never-written', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

describe('a wrong setting stops the server at once, with one line', () => {
  it.each([
    [{ PORT: 'http' }, /^server: PORT must be a whole number from 1 to 65535/],
    [{ SMTP_URL: 'smtp://127.0.0.1:2525' }, /^server: MAIL_FROM .* when SMTP_URL is set/],
    [{ DATABASE_URL: 'postgres://db.example/polo' }, /^server: DATABASE_URL must start with/],
    [{ NEWSLETTER_SECRET: 'too-short' }, /^server: NEWSLETTER_SECRET is 9 characters long/],
    [{ NEWSLETTER_RATE_LIMIT: 'ten' }, /^server: NEWSLETTER_RATE_LIMIT must be a whole number/],
    [{ NEWSLETTER_SEND_RATE: 'fast' }, /^server: NEWSLETTER_SEND_RATE must be a whole number/],
    [{ SITE_URL: 'polo.example.org' }, /^server: SITE_URL must be an absolute http\(s\) address/],
  ])('%o', async (env, line) => {
    const { status, stdout, stderr } = await npm(['start'], { PORT: '1', ...env });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(line);
  });

  it('and so does the operators’ command', async () => {
    const { status, stderr } = await npm(['run', 'newsletter', '--', 'stats'], {
      DATABASE_URL: 'mysql://db.example/polo',
    });
    expect(status).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^newsletter: DATABASE_URL must start with file:/);
  });
});

describe('the server’s edges', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite({}, { localData: true });
  });
  afterAll(() => site?.stop());

  /** A request written by hand, and everything the server sent back before closing. */
  const rawRequest = (text: string, ms = 1500) =>
    new Promise<string>((done) => {
      const socket = connect(Number(new URL(site.url).port), '127.0.0.1', () => socket.write(text));
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => done(answer));
      setTimeout(() => socket.destroy(), ms);
    });

  const expectSecuritySet = (headers: Headers) => {
    for (const [name, value] of securitySet) {
      // A page made on demand joins its own CSP to the site's: every directive is there.
      const sent = headers.get(name) ?? '';
      for (const part of name === 'Content-Security-Policy' ? value.split('; ') : [value])
        expect(sent, name).toContain(part);
    }
  };

  const expectCompleteError = (headers: Headers) => {
    expectSecuritySet(headers);
    expect(headers.get('content-type')).toMatch(/; charset=utf-8$/);
    expect(headers.get('cache-control')).toBe('no-store');
  };

  it('answers 405 with Allow to methods a page does not take, TRACE included', async () => {
    // Fetch cannot send TRACE: written by hand.
    const trace = await rawRequest(
      'TRACE /it/orari/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(trace).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(trace).toContain('Allow: GET, HEAD\r\n');
    const traceApi = await rawRequest(
      'TRACE /api/newsletter/subscribe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(traceApi).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(traceApi).toContain('Allow: POST\r\n');
    for (const method of ['DELETE', 'POST', 'OPTIONS', 'PUT']) {
      const response = await fetch(`${site.url}/it/orari/`, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      expectCompleteError(response.headers);
    }
    // The endpoint keeps its own answer to the methods it can read.
    const get = await fetch(`${site.url}/api/newsletter/subscribe`);
    expect(get.status).toBe(405);
    expect(((await get.json()) as { problem: string }).problem).toBe('method-not-allowed');
    expect(site.logs()).not.toMatch(/ERROR|\n\s+at /);
  });

  it('matches _headers rules on the decoded path', async () => {
    const response = await fetch(`${site.url}/%5Fastro/${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('reads q=0 whatever its case', async () => {
    const response = await fetch(`${site.url}/it/`, {
      headers: { 'Accept-Encoding': 'br;Q=0, gzip' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
  });

  it('answers 304 to a list, a weak tag or *', async () => {
    const etag = (await fetch(`${site.url}/it/orari/`)).headers.get('etag') ?? '';
    expect(etag).toMatch(/^"/);
    for (const header of [`"nope", ${etag}`, `W/${etag}`, '*']) {
      const response = await fetch(`${site.url}/it/orari/`, {
        headers: { 'If-None-Match': header },
      });
      expect(response.status, header).toBe(304);
    }
    const other = await fetch(`${site.url}/it/orari/`, { headers: { 'If-None-Match': '"x"' } });
    expect(other.status).toBe(200);
  });

  it('gives error answers the security headers, a charset, Cache-Control and the right status text', async () => {
    const notFound = await fetch(`${site.url}/fr/no-such-page/`);
    expect([notFound.status, notFound.statusText]).toEqual([404, 'Not Found']);
    expectCompleteError(notFound.headers);
    const missingAsset = await fetch(`${site.url}/_astro/missing.js`);
    expect(missingAsset.status).toBe(404);
    expect(missingAsset.headers.get('cache-control')).toBe('no-store');
    const gone = await fetch(`${site.url}/it/newsletter/confirm/?token=broken`);
    expect([gone.status, gone.statusText]).toEqual([410, 'Gone']);
    expectCompleteError(gone.headers);
    const problem = await fetch(`${site.url}/api/newsletter/subscribe`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=nope&consent=yes&lang=it',
    });
    expect([problem.status, problem.statusText]).toEqual([400, 'Bad Request']);
    expect(problem.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(problem.headers.get('cache-control')).toBe('no-store');
    expectSecuritySet(problem.headers);

    // Node's own answers, before any handler: a broken request, headers too large.
    const broken = await rawRequest('GET /it/ HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    const huge = await rawRequest(
      `GET /it/ HTTP/1.1\r\nHost: x\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    for (const [answer, status] of [
      [broken, '400 Bad Request'],
      [huge, '431 Request Header Fields Too Large'],
    ] as const) {
      expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status}\\r\\n`));
      for (const [name, value] of securitySet) expect(answer).toContain(`${name}: ${value}\r\n`);
      expect(answer).toContain('Content-Type: text/plain; charset=utf-8\r\n');
      expect(answer).toContain('Cache-Control: no-store\r\n');
    }
  });

  it('logs a client that leaves halfway, and a path that does not decode, in one short line each', async () => {
    const before = site.logs().length;
    await rawRequest(
      'POST /api/newsletter/subscribe HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"email":',
      300,
    );
    const badPath = await fetch(`${site.url}/it/%E0%A4%A`);
    expect(badPath.status).toBe(400);
    await new Promise((r) => setTimeout(r, 300));
    // The first signup's mail may be logged meanwhile; nothing else may be.
    const lines = site
      .logs()
      .slice(before)
      .trimEnd()
      .split('\n')
      .filter((line) => !line.startsWith('[newsletter] mail written'));
    expect(lines.sort()).toEqual([
      '[server] 400 to a path that is not valid percent-encoding',
      '[server] client left before sending its whole request (POST)',
    ]);
  });

  it('keeps its data for its owner only', async () => {
    const data = String(site.env['DATA_DIR']);
    const outbox = join(data, 'outbox');
    for (let i = 0; i < 50 && !readdirSync(data).includes('outbox'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
    expect(mode(data)).toBe('700');
    expect(mode(outbox)).toBe('700');
    const files = ['newsletter.db', 'newsletter.db-wal', 'newsletter.db-shm', 'newsletter-secret'];
    for (const file of files) expect(`${file} ${mode(join(data, file))}`).toBe(`${file} 600`);
    const mails = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) expect(mode(join(outbox, mail))).toBe('600');
  });
});

describe('slow clients', () => {
  /** Opens a signup whose body never finishes: a byte every `every` ms. */
  function trickle(site: Site, every: number) {
    const socket = connect(Number(new URL(site.url).port), '127.0.0.1');
    socket.write(
      'POST /api/newsletter/subscribe HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
    );
    const timer = setInterval(() => socket.writable && socket.write(' '), every);
    socket.on('error', () => undefined);
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    return {
      closed,
      answer: () => answer,
      stop() {
        clearInterval(timer);
        socket.destroy();
      },
    };
  }

  it('drops a request whose body is not complete after about 15 seconds', async () => {
    const site = await startSite();
    const client = trickle(site, 500);
    try {
      const started = Date.now();
      await client.closed;
      expect(client.answer()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThan(14_000);
      expect(elapsed).toBeLessThan(25_000);
    } finally {
      client.stop();
      await site.stop();
    }
  }, 40_000);

  it('stops within seconds of SIGTERM while a client trickles a body', async () => {
    const site = await startSite();
    const client = trickle(site, 200);
    try {
      await new Promise((r) => setTimeout(r, 500));
      const exited = new Promise<number | null>((done) => site.child.once('exit', done));
      const started = Date.now();
      site.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // A behaviour bound, not a performance budget: the grace is 3 s.
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      client.stop();
      await site.stop();
    }
  });
});
