/**
 * Serves the Netlify build (`DEPLOY_TARGET=netlify npm run build`) on this machine, offline,
 * through Netlify's own runtime (@netlify/dev): the published files with their `_headers`,
 * and every other path through the adapter's function, in a worker as Netlify runs it.
 * `npm run serve:netlify` runs it; the serverless tests serve their build with it. Run it in
 * a process of its own: the function's workers take that process's Node options.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { fileURLToPath } from 'node:url';
import { NetlifyDev } from '@netlify/dev';
import { parse } from 'smol-toml';
import { serverOrigin } from '../src/server/core/settings.ts';
import {
  announceServerOrigin,
  checkSettings,
  readEnv,
  SettingsError,
} from '../src/settings/settings.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
/** Where @astrojs/netlify writes its function (Netlify reads it from there by itself). */
export const adapterFunctions = join(projectRoot, '.netlify/v1/functions');

/** The folder netlify.toml publishes, e.g. '/srv/polo/dist'. */
export function publishedFolder(): string {
  const config = parse(readFileSync(join(projectRoot, 'netlify.toml'), 'utf8')) as {
    build?: { publish?: string };
  };
  return resolve(projectRoot, config.build?.publish ?? '.');
}

export interface NetlifySite {
  url: string;
  stop(): Promise<void>;
}

/** Why `publish` cannot be served: the Netlify build is missing; undefined when it is there. */
export function missingBuild(publish: string): string | undefined {
  const wanted = [join(publish, '_headers'), join(adapterFunctions, 'ssr/ssr.mjs')];
  const missing = wanted.filter((path) => !existsSync(path));
  return missing.length > 0
    ? `no Netlify build (${missing.join(', ')} missing): run DEPLOY_TARGET=netlify npm run build first`
    : undefined;
}

async function send(response: Response, out: ServerResponse): Promise<void> {
  const headers = new Headers(response.headers);
  const cookies = headers.getSetCookie();
  headers.delete('set-cookie');
  out.writeHead(response.status, response.statusText || undefined, [
    ...headers,
    ...cookies.map((cookie) => ['set-cookie', cookie]),
  ]);
  if (!response.body) return void out.end();
  await new Promise<void>((done, fail) => {
    Readable.fromWeb(response.body as WebStream<Uint8Array>)
      .on('error', fail)
      .pipe(out)
      .on('finish', done);
  });
}

/**
 * Serves `publish` (the build's pages) and the adapter's function at `host`:`port` (0: any
 * free port). Netlify's runtime reads its configuration from a folder of its own, so that it
 * sees only the build: the functions of netlify/functions/ are Netlify's to schedule.
 */
export async function serveNetlifyBuild({
  publish,
  host = '127.0.0.1',
  port = 0,
}: {
  publish: string;
  host?: string;
  port?: number;
}): Promise<NetlifySite> {
  const root = mkdtempSync(join(tmpdir(), 'polo-netlify-'));
  // Netlify takes these paths inside the configuration's folder only: links to them.
  symlinkSync(resolve(publish), join(root, 'publish'));
  symlinkSync(adapterFunctions, join(root, 'functions'));
  // Netlify reads the rules of the published folder's `_redirects` (/ in the reader's
  // language); @netlify/dev reads only its project's: a link to them.
  const rules = join(resolve(publish), '_redirects');
  if (existsSync(rules)) symlinkSync(rules, join(root, '_redirects'));
  writeFileSync(
    join(root, 'netlify.toml'),
    '[build]\npublish = "publish"\n\n[functions]\ndirectory = "functions"\n',
  );
  const netlify = new NetlifyDev({
    projectRoot: root,
    skipGitignore: true,
    // Offline, and only what the site uses: no blobs, database, edge functions, image CDN,
    // AI gateway, or geolocation lookup; the environment is this process's.
    aiGateway: { enabled: false },
    blobs: { enabled: false },
    database: { enabled: false },
    edgeFunctions: { enabled: false },
    environmentVariables: { enabled: false },
    geolocation: { enabled: false },
    images: { enabled: false },
  });
  let origin = '';
  const server = createServer((request, out) => {
    const answer = async () => {
      const result = await netlify.handleAndIntrospectNodeRequest(request, {
        serverAddress: origin,
      });
      await send(result?.response ?? new Response('Not found', { status: 404 }), out);
    };
    answer().catch((error: unknown) => {
      console.error('[netlify] request:', error instanceof Error ? error.name : 'error');
      if (!out.headersSent) out.writeHead(502);
      out.end();
    });
  });
  await new Promise<void>((done) => server.listen(port, host, done));
  origin = serverOrigin(host, (server.address() as AddressInfo).port);
  // Links in mails lead here when SITE_URL is unset, as under `npm start`.
  announceServerOrigin(origin);
  await netlify.start();
  return {
    url: origin,
    async stop() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await netlify.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * `npm run serve:netlify [-- FOLDER]`: the build netlify.toml publishes (or FOLDER, built
 * with POLO_OUT_DIR), at HOST:PORT as `npm start` (default http://127.0.0.1:4321).
 */
async function main(): Promise<void> {
  const publish = process.argv[2] ? resolve(process.argv[2]) : publishedFolder();
  const missing = missingBuild(publish);
  if (missing) {
    console.error(`serve:netlify: ${missing}`);
    process.exitCode = 1;
    return;
  }
  let listen: { HOST: string; PORT: number };
  try {
    // Only where to listen: the function checks the rest on each request, as on Netlify.
    const { HOST, PORT } = readEnv('server');
    listen = checkSettings({ HOST, PORT });
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(`serve:netlify: ${error.message}`);
    process.exitCode = 2;
    return;
  }
  const site = await serveNetlifyBuild({ publish, host: listen.HOST, port: listen.PORT });
  console.log(`The Netlify build, served as Netlify does (offline), at ${site.url}/`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void site.stop().then(() => process.exit(0)));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
