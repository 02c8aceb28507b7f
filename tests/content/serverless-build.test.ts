/**
 * The same site builds for Netlify's serverless functions (DEPLOY_TARGET=netlify), and that
 * build answers real requests as Netlify serves it (its runtime, offline: netlify/serve.ts):
 * the published files with their _headers, everything else through the adapter's function.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageRules } from '../../src/integrations/language-redirects';
import { inlineHashes } from '../../src/lib/csp';
import { freePort, mailTo, startSmtp, type Mailbox } from '../built/harness';
import { uiString } from '../support/ui-strings';

const out = resolve('.test-builds/netlify');
// What the Netlify adapter writes into the project (a linked site's .netlify/state.json stays):
// gone before, so the checks see this build's output, and after, so nothing is left behind.
const adapterOutput = ['.netlify/v1', '.netlify/build'];
const clean = () => {
  rmSync(out, { recursive: true, force: true });
  for (const dir of adapterOutput) rmSync(dir, { recursive: true, force: true });
  if (existsSync('.netlify') && readdirSync('.netlify').length === 0)
    rmSync('.netlify', { recursive: true });
};
beforeAll(clean);
afterAll(clean);

it('produces the static pages and one function with the newsletter routes', () => {
  const result = spawnSync(
    process.execPath,
    [resolve('node_modules/astro/bin/astro.mjs'), 'build'],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        DEPLOY_TARGET: 'netlify',
        POLO_OUT_DIR: join(out, 'dist'),
        POLO_CACHE_DIR: join(out, 'cache'),
      },
    },
  );
  expect(result.status, result.stdout + result.stderr).toBe(0);
  expect(existsSync(join(out, 'dist/it/orari/index.html'))).toBe(true);
  expect(existsSync(join(out, 'dist/ar/newsletter/index.html'))).toBe(true);
  const functionDir = '.netlify/v1/functions/ssr';
  expect(existsSync(join(functionDir, 'ssr.mjs'))).toBe(true);
  // The local database and its secret stay on the machine that builds.
  expect(existsSync(join(functionDir, '.data'))).toBe(false);
  const chunks = readdirSync('.netlify/build/chunks');
  expect(chunks.some((name) => name.startsWith('subscribe'))).toBe(true);
  expect(chunks.some((name) => name.startsWith('confirm'))).toBe(true);
  const entry = readFileSync(join(functionDir, 'ssr.mjs'), 'utf8');
  expect(entry.length).toBeGreaterThan(0);
  // What netlify.toml publishes: the pages and _headers at the top of the build's folder.
  expect(existsSync(join(out, 'dist/_headers'))).toBe(true);
  expect(existsSync(join(out, 'dist/client'))).toBe(false);
  // / in the reader's language: Netlify's rules first, and / no path of the function.
  expect(readFileSync(join(out, 'dist/_redirects'), 'utf8').startsWith(languageRules())).toBe(true);
  expect(entry).toContain("excludedPath: ['/']");
});

interface Served {
  url: string;
  /** Everything the server and its function printed. */
  logs: () => string;
  stop(): Promise<void>;
}

/**
 * `npm run serve:netlify` on the test's build, in a process of its own as a newcomer runs it
 * (the function's workers would take this test process's Node options).
 */
async function serveNetlify(env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve('netlify/serve.ts'), join(out, 'dist')], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; !output.includes(`at ${url}/`); i++) {
    if (i > 300 || child.exitCode !== null) throw new Error(`not served:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    logs: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill();
      await new Promise((r) => child.once('exit', r));
    },
  };
}

describe('served as Netlify serves it', () => {
  let site: Served;
  let smtp: Mailbox;
  let data: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'polo-netlify-data-'));
    smtp = await startSmtp();
    env = {
      DATA_DIR: data,
      DATABASE_URL: `file:${join(data, 'newsletter.db')}`,
      NEWSLETTER_SECRET: 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz',
      NEWSLETTER_RATE_LIMIT: '1000',
      SITE_URL: '',
      ...mailTo(smtp),
    };
    site = await serveNetlify(env);
  });
  afterAll(async () => {
    await site?.stop();
    await smtp?.stop();
    if (data) rmSync(data, { recursive: true, force: true });
  });

  // Netlify names the client's address to the function; without one, signups answer 503.
  const client = { 'X-Forwarded-For': '203.0.113.7' };
  const post = (path: string, body: Record<string, string>, headers = {}) =>
    fetch(`${site.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...client, ...headers },
      body: new URLSearchParams(body).toString(),
    });

  it('serves the pages with the headers of _headers', async () => {
    const page = await fetch(`${site.url}/it/orari/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect((await fetch(`${site.url}/sw.js`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('sends / to the browser’s first language by the rules of _redirects, else shows the chooser', async () => {
    const root = (language: string) =>
      fetch(`${site.url}/`, { redirect: 'manual', headers: { 'Accept-Language': language } });
    for (const [language, home] of [
      ['so,it;q=0.5', '/so/'],
      ['ar-EG', '/ar/'],
    ] as const) {
      const sent = await root(language);
      expect(sent.status, language).toBe(302);
      expect(new URL(sent.headers.get('location') ?? '', site.url).pathname).toBe(home);
    }
    // Netlify reads the first language only: the chooser, where npm start would pick French.
    for (const language of ['de', 'pt-BR,fr;q=0.8']) {
      const chooser = await root(language);
      expect(chooser.status, language).toBe(200);
      expect(chooser.headers.get('vary')).toMatch(/accept-language/i);
      expect(await chooser.text()).toContain('href="/so/"');
    }
    // The chooser at its own address is never sent on, and the rest of the site still answers.
    expect(
      (await fetch(`${site.url}/lingua/`, { headers: { 'Accept-Language': 'so' } })).status,
    ).toBe(200);
    expect((await root('so')).headers.get('location')).not.toContain('lingua');
  });

  it('answers /admin, and every editor path, with the editor’s headers', async () => {
    // Netlify's `/admin/*` takes the folder without its slash; npm start sends it to /admin/.
    for (const path of ['/admin', '/admin/', '/admin/polo-cms.js']) {
      const answer = await fetch(`${site.url}${path}`, { redirect: 'manual' });
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get('content-security-policy'), path).toContain("'unsafe-eval'");
      expect(answer.headers.get('x-robots-tag'), path).toContain('noindex');
    }
  });

  it('answers an unknown address with the 404 page in its language', async () => {
    const missing = await fetch(`${site.url}/ar/no-such-page/`);
    expect(missing.status).toBe(404);
    const html = await missing.text();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    // Its CSP names the hashes of its own inline code, none of the rest of the site's.
    const policy = missing.headers.get('content-security-policy') ?? '';
    const hashes = policy.match(/'sha256-[^']+'/g) ?? [];
    expect(hashes.length).toBeGreaterThan(0);
    const own = inlineHashes(html);
    expect(hashes.filter((hash) => !own.has(hash))).toEqual([]);
  });

  it('signs up, mails the link, confirms and lets the subscriber leave', async () => {
    const answer = await post('/api/newsletter/subscribe', {
      email: 'netlify@example.org',
      consent: 'yes',
      lang: 'fr',
      website: '',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/fr/newsletter/check-email/');
    // _headers does not reach a function's answers: they carry their own.
    expect(answer.headers.get('cache-control')).toBe('no-store');

    const [mail] = await smtp.mailsTo('netlify@example.org', 1, 20_000);
    expect(mail?.headers.get('content-language')).toBe('fr');
    // Links lead to where the site is served (SITE_URL unset), never to the request's Host.
    const link = mail?.text?.match(/http:\/\/\S+\/fr\/newsletter\/confirm\/\?token=\S+/)?.[0] ?? '';
    expect(link.startsWith(`${site.url}/`)).toBe(true);
    const token = new URL(link).searchParams.get('token') ?? '';
    const confirmed = await post('/fr/newsletter/confirm/', { token }, { Origin: site.url });
    expect(confirmed.status).toBe(200);
    expect(confirmed.headers.get('cache-control')).toBe('no-store');
    expect(await confirmed.text()).toContain('data-newsletter-outcome="confirmed"');

    const leave = mail?.headerLines.find(({ key }) => key === 'list-unsubscribe')?.line ?? '';
    const oneClick = /<([^>]+)>/.exec(leave)?.[1] ?? '';
    const left = await post(oneClick.slice(site.url.length), {
      'List-Unsubscribe': 'One-Click',
    });
    expect(left.status).toBe(200);
  });

  it('takes an accessibility report', async () => {
    const answer = await post('/api/accessibility/report', {
      report: 'Il menu non si apre con la tastiera.',
      page: '/it/orari/',
      email: '',
      lang: 'it',
      website: '',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/it/accessibilita/grazie/');
  });

  it('answers 503 in the reader’s language on a wrong setting, which the log names in one line', async () => {
    const wrong = await serveNetlify({ ...env, NEWSLETTER_RATE_LIMIT: 'lots' });
    try {
      // A plain form, from the French page: the browser names it (Referer).
      const answer = await fetch(`${wrong.url}/api/newsletter/subscribe`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Referer: `${wrong.url}/fr/newsletter/`,
          ...client,
        },
        body: 'email=x%40example.org&consent=yes&lang=fr',
      });
      expect(answer.status).toBe(503);
      const page = await answer.text();
      expect(page).toContain('<html lang="fr"');
      expect(page).toContain(uiString('fr', 'problem.server-error'));
    } finally {
      await wrong.stop();
    }
    const lines = wrong.logs().split('\n');
    expect(lines.filter((line) => line.includes('NEWSLETTER_RATE_LIMIT'))).toEqual([
      expect.stringMatching(/NEWSLETTER_RATE_LIMIT must be a whole number/),
    ]);
    expect(lines.filter((line) => /^\s+at /.test(line))).toEqual([]);
  });
});
