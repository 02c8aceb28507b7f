/**
 * The daily rebuild of `npm start`, started here by SIGHUP: the site is served all through the
 * build, whole; the new build is served once done; a build of broken content leaves the last
 * good site served and logs one line naming the file and the line for staff.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildsDir } from '../../src/server/http/builds';
import { startSite, type Site } from './harness';

let site: Site;
let content: string;
const title = 'Avviso comparso con la ricostruzione';

const notice = (from: string, to: string) => `---
title: ${title}
summary: Un avviso aggiunto dopo la prima build.
published: 2026-01-10
lastReviewed: 2026-01-10
translation: source
closure:
  from: ${from}
  to: ${to}
---

Testo.
`;

/** Waits until the server's log says `text` `times` times (a build takes a while). */
async function logged(text: string, times = 1, ms = 180_000) {
  const until = Date.now() + ms;
  while (site.logs().split(text).length - 1 < times) {
    if (Date.now() > until) throw new Error(`no "${text}" in the log:\n${site.logs()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** This server's build folders under .builds/. */
const ownBuilds = () =>
  existsSync(buildsDir)
    ? readdirSync(buildsDir).filter((name) => name.endsWith(`-${site.child.pid}`))
    : [];

beforeAll(async () => {
  mkdirSync('.test-builds', { recursive: true });
  content = join(resolve(mkdtempSync(join('.test-builds', 'rebuild-'))), 'content');
  cpSync('content', content, { recursive: true });
  site = await startSite({ POLO_CONTENT_DIR: content, REBUILD_AT: 'off' });
});

afterAll(async () => {
  const leftovers = site ? ownBuilds() : [];
  await site?.stop();
  for (const name of leftovers) rmSync(join(buildsDir, name), { recursive: true, force: true });
  if (content) rmSync(resolve(content, '..'), { recursive: true, force: true });
});

describe('the daily rebuild', () => {
  it('serves the whole site during the build, then the new content', async () => {
    const before = await (await fetch(`${site.url}/it/avvisi/`)).text();
    expect(before).not.toContain(title);
    writeFileSync(
      join(content, 'notices/it/avviso-ricostruzione.md'),
      notice('2026-01-12', '2026-01-13'),
    );

    site.child.kill('SIGHUP');
    const answers: string[] = [];
    let done = false;
    const built = logged('[rebuild] serving the new build').finally(() => (done = true));
    while (!done) {
      for (const path of ['/it/', '/it/avvisi/', '/it/orari/']) {
        const answer = await fetch(`${site.url}${path}`);
        const body = await answer.text();
        answers.push(`${path} ${answer.status} ${body.trimEnd().endsWith('</html>')}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await built;
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.filter((line) => !line.endsWith(' 200 true'))).toEqual([]);

    expect(await (await fetch(`${site.url}/it/avvisi/`)).text()).toContain(title);
    const page = await fetch(`${site.url}/it/avvisi/avviso-ricostruzione/`);
    expect(page.status).toBe(200);
    expect(ownBuilds()).toHaveLength(2); // the build and its cache
  });

  it('keeps the last good site when the content is broken, and logs one line', async () => {
    writeFileSync(
      join(content, 'notices/it/avviso-ricostruzione.md'),
      notice('2026-01-13', '2026-01-12'),
    );
    site.child.kill('SIGHUP');
    await logged('[rebuild] failed');

    const lines = site
      .logs()
      .split('\n')
      .filter((line) => line.includes('[rebuild] failed'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /still serving the build of .*notices\/it\/avviso-ricostruzione\.md: line \d+ \(closure › to\): the closure ends/,
    );
    expect(await (await fetch(`${site.url}/it/avvisi/`)).text()).toContain(title);
    expect(ownBuilds()).toHaveLength(2);
  });
});
