/**
 * `npm run bench`: measures what the budgets promise, on this machine.
 *
 *   1. build time at the real content size, and with 20 times as many notices (a copy);
 *   2. newsletter signups on loopback (autocannon): throughput, p50/p99 latency, and rows
 *      stored against signups acknowledged;
 *   3. Lighthouse (mobile defaults, system Chromium) on home, a desk, hours and newsletter
 *      pages in Italian and Arabic: the four scores, FCP, LCP, TBT, CLS and bytes.
 *
 * Prints tables and writes them to bench-results/latest.json. `--only build|signup|lighthouse`
 * runs one part. Chromium: CHROMIUM_PATH, else /usr/bin/chromium.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@libsql/client';
import autocannon from 'autocannon';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const run = (part: string) => !values.only || values.only === part;
const astro = resolve('node_modules/astro/bin/astro.mjs');
const results: Record<string, unknown> = { date: new Date().toISOString() };

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function timedBuild(env: Record<string, string>): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [astro, 'build'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
  return (performance.now() - start) / 1000;
}

async function startServer(
  env: Record<string, string>,
): Promise<{ url: string; stop: () => void; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'polo-bench-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [resolve('src/server/http/serve.ts')], {
    cwd: dir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: join(dir, '.data'),
      ...env,
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/it/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, dir, stop: () => child.kill() };
}

// 1. Build time.
if (run('build')) {
  const real = timedBuild({});
  const dir = resolve('.test-builds/bench-notices');
  rmSync(dir, { recursive: true, force: true });
  cpSync('content', join(dir, 'content'), { recursive: true });
  const realNotices = readdirSync('content/notices/it').filter((f) => f.endsWith('.md')).length;
  // The real site may have no notice yet; then the synthetic set stands for 20 of one.
  const synthetic = 20 * Math.max(realNotices, 1);
  for (const lang of ['it', 'en', 'fr', 'ar']) {
    mkdirSync(join(dir, 'content/notices', lang), { recursive: true });
    for (let i = 0; i < synthetic; i++) {
      writeFileSync(
        join(dir, 'content/notices', lang, `bench-${i}.md`),
        `---\ntitle: Avviso ${i}\nsummary: Avviso sintetico per misurare la build.\npublished: 2026-11-${String((i % 28) + 1).padStart(2, '0')}\nlastReviewed: 2026-11-26\ntranslation: ${lang === 'it' ? 'source' : 'machine'}\n---\n\nTesto dell’avviso ${i}.\n`,
      );
    }
  }
  const many = timedBuild({
    POLO_CONTENT_DIR: join(dir, 'content'),
    POLO_OUT_DIR: join(dir, 'dist'),
    POLO_CACHE_DIR: join(dir, 'cache'),
  });
  rmSync(dir, { recursive: true, force: true });
  results['build'] = {
    realSeconds: real,
    notices: synthetic,
    manyNoticesSeconds: many,
    ratio: many / real,
  };
  console.log('\nBuild time');
  console.table([
    { content: 'real', seconds: real.toFixed(2) },
    {
      content: `+${synthetic} notices × 4 languages`,
      seconds: many.toFixed(2),
      ratio: (many / real).toFixed(2),
    },
  ]);
}

// 2. Newsletter signups.
if (run('signup')) {
  if (!existsSync('dist/server/entry.mjs')) timedBuild({});
  const server = await startServer({
    NEWSLETTER_RATE_LIMIT: '1000000000',
    NEWSLETTER_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz',
  });
  let counter = 0;
  const load = await autocannon({
    url: `${server.url}/api/newsletter/subscribe`,
    connections: 20,
    duration: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            email: `bench${counter++}@example.org`,
            consent: 'yes',
            lang: 'it',
          }),
        }),
      },
    ],
  });
  await new Promise((r) => setTimeout(r, 1000));
  const db = createClient({ url: `file:${join(server.dir, '.data/newsletter.db')}` });
  const stored = Number(
    (await db.execute('SELECT COUNT(*) AS n FROM subscribers')).rows[0]?.['n'] ?? 0,
  );
  db.close();
  server.stop();
  rmSync(server.dir, { recursive: true, force: true });
  const signup = {
    connections: 20,
    seconds: 10,
    requestsPerSecond: load.requests.average,
    latencyP50ms: load.latency.p50,
    latencyP99ms: load.latency.p99,
    acknowledged: load['2xx'],
    otherAnswers: load.non2xx,
    errors: load.errors,
    rowsStored: stored,
    // Every acknowledged signup must be stored; a few more may have been in flight at the end.
    acknowledgedButLost: Math.max(0, load['2xx'] - stored),
  };
  results['signup'] = signup;
  console.log(
    '\nNewsletter signups (autocannon, loopback, local libSQL file, mails to .eml files)',
  );
  console.table([signup]);
}

// 3. Lighthouse.
if (run('lighthouse')) {
  if (!existsSync('dist/server/entry.mjs')) timedBuild({});
  const server = await startServer({});
  const chrome = await chromeLauncher.launch({
    chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const rows = [];
  try {
    for (const lang of ['it', 'ar']) {
      for (const path of ['/', '/sportelli/lavoro/', '/orari/', '/newsletter/']) {
        const url = `${server.url}/${lang}${path}`;
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`no Lighthouse result for ${url}`);
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        rows.push({
          page: `/${lang}${path}`,
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          fcpMs: Math.round(metric('first-contentful-paint')),
          lcpMs: Math.round(metric('largest-contentful-paint')),
          tbtMs: Math.round(metric('total-blocking-time')),
          cls: Number(metric('cumulative-layout-shift').toFixed(3)),
          transferBytes: metric('total-byte-weight'),
        });
      }
    }
  } finally {
    chrome.kill();
    server.stop();
    rmSync(server.dir, { recursive: true, force: true });
  }
  results['lighthouse'] = rows;
  console.log('\nLighthouse (mobile, simulated slow 4G)');
  console.table(rows);
}

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWritten to bench-results/latest.json');
