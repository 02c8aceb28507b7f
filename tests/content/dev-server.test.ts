/**
 * `npm run dev` as the README's local editing uses it, on a copy of the content with a broken
 * Arabic translation (the fixture `tests/fixtures/broken/translation-date-format`): every page
 * shows the build's message (file, line, what to write instead), never the Italian text in its
 * place; a fix shows at once, and so does a translation saved with a mistake while the server
 * runs. The editor's addresses answer meanwhile, with the headers production gives them.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAstroDev, withFixture, type AstroDev } from './content-copy';
import { freePort } from '../built/harness';
import { headersFor, parseHeadersFile } from '../../src/server/http/headers-file';

const fixture = 'tests/fixtures/broken/translation-date-format';
const arabicFile = 'activities/ar/sportello-prova.md';
const arabicPage = '/ar/sportelli/sportello-prova/';
const italianPage = '/it/sportelli/sportello-prova/';
// Words only the fixture's files say.
const italianText = 'Il testo italiano dello sportello di prova.';
const arabicText = 'النص العربي للمكتب التجريبي.';

let dir: string;
let dev: AstroDev;
let arabic: string;

beforeAll(async () => {
  dir = withFixture(fixture);
  arabic = readFileSync(join(fixture, arabicFile), 'utf8');
  dev = await startAstroDev(dir, await freePort());
}, 90_000);

afterAll(async () => {
  await dev?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function get(path: string) {
  const response = await fetch(dev.url + path);
  return { status: response.status, type: response.headers.get('content-type'), response };
}

/**
 * The page at `path` once it answers `status` and shows `words`: the server reloads a changed
 * file by itself, and its pages see the reload a moment later.
 */
async function pageOnce(path: string, status: number, words = ''): Promise<string> {
  let last = '';
  for (let waited = 0; waited < 20_000; waited += 200) {
    const response = await fetch(dev.url + path);
    last = await response.text();
    if (response.status === status && shown(last).includes(words)) return last;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${path} never answered ${status} with "${words}":\n${last}\n${dev.output()}`);
}

/** The text of a page, entities decoded as a browser shows them. */
const shown = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function expectMistake(html: string, says: string) {
  const text = shown(html);
  expect(text).toContain(`${arabicFile}:\n  ${says}`);
  expect(text).not.toContain(italianText);
  expect(text).not.toContain(arabicText);
}

describe('a content mistake under astro dev', () => {
  it('is what the page of the broken translation and its Italian page show', async () => {
    const says = 'line 4 (lastReviewed): write a date as YYYY-MM-DD';
    expectMistake(await pageOnce(arabicPage, 500), says);
    expectMistake(await pageOnce(italianPage, 500), says);
    expectMistake(await pageOnce('/ar/', 500), says);
  });

  it('leaves the editor open, to fix it there', async () => {
    expect((await get('/admin/')).status).toBe(200);
  });

  it('goes once the file is fixed, and comes back with a translation saved with a mistake', async () => {
    const file = join(dir, 'content', arabicFile);
    writeFileSync(file, arabic.replace('27/11/2026', '2026-11-27'));
    await pageOnce(arabicPage, 200, arabicText);
    await pageOnce(italianPage, 200, italianText);

    // No translation: the Italian text, as the build does.
    rmSync(file);
    await pageOnce(arabicPage, 200, italianText);
    writeFileSync(file, arabic.replace('27/11/2026', '2026-02-30'));
    const says = 'line 4 (lastReviewed): 2026-02-30 does not exist in the calendar';
    expectMistake(await pageOnce(arabicPage, 500, says), says);
  });
});

describe('the editor under astro dev', () => {
  const adminHeaders = headersFor(
    parseHeadersFile(readFileSync('public/_headers', 'utf8')),
    '/admin/',
  );

  it('answers at /admin/ with its page and the policy of public/_headers', async () => {
    for (const path of ['/admin/', '/admin/index.html', '/admin/?proxy-port=8082']) {
      const { status, type, response } = await get(path);
      expect(status, path).toBe(200);
      expect(type, path).toMatch(/^text\/html/);
      expect(await response.text()).toContain('<script type="module" src="/admin/polo-cms.js">');
      expect(response.headers.get('content-security-policy')).toBe(
        adminHeaders.get('Content-Security-Policy'),
      );
    }
  });

  it('serves its configuration, its script and Decap', async () => {
    const config = await get('/admin/config.json');
    expect(config.status).toBe(200);
    expect(config.type).toMatch(/^application\/json/);
    expect(await config.response.json()).toHaveProperty('collections');

    const script = await get('/admin/polo-cms.js');
    expect(script.status).toBe(200);
    expect(script.type).toMatch(/^text\/javascript/);
    // Compiled from TypeScript: what a browser runs, no type annotations left.
    expect(await script.response.text()).not.toMatch(/^interface /m);

    const decap = await get('/admin/decap/decap-cms.js');
    expect(decap.status).toBe(200);
    expect(decap.type).toMatch(/^text\/javascript/);
    expect((await get('/admin/decap/nothing.js')).status).toBe(404);
  });
});
