/**
 * Offline after one visit: a reader opens the Arabic home page, loses the connection and still
 * opens the hours page, a desk and its card, in Arabic, with the saved-copy notice and the
 * status line; back online the notice goes; a new deploy reaches the kept copy on the next
 * visit. A build of a copy of the content, served by the real server on a port of its own, so
 * that the test can rebuild it.
 */
import type { ChildProcess } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runAstro, withFixture } from '../content/content-copy';
import { deskSlugs } from '../support/site-pages';
import { hasFile } from '../support/content-facts';
import { freePort, serveCopy as serve, stopServer as stop } from '../support/copy-site';

const desk = deskSlugs[0] ?? '';
/** A sentence only the second build has (not a fact of the Polo: it never leaves the test). */
const newText = 'نص جديد للتحقق من النسخة المحفوظة.';

/** What the worker keeps, as addresses; waits until `paths` are all there. */
async function keptOnceThere(page: Page, paths: string[]): Promise<string[]> {
  await expect
    .poll(
      () =>
        page.evaluate(async (wanted) => {
          const cache = await caches.open('polo-pages');
          const held = await Promise.all(wanted.map((path) => cache.match(path)));
          return held.every(Boolean);
        }, paths),
      { timeout: 30_000 },
    )
    .toBe(true);
  return page.evaluate(async () =>
    (await (await caches.open('polo-pages')).keys()).map((request) => new URL(request.url).href),
  );
}

let dir = '';
let server: ChildProcess | undefined;

test.afterAll(async () => {
  await stop(server);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test.use({ timezoneId: 'America/Lima', viewport: { width: 360, height: 640 } });

test('pages kept after one visit open offline in Arabic, and a new deploy reaches them', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  dir = withFixture('tests/fixtures/offline');
  const first = runAstro('build', dir);
  expect(first.ok, first.output).toBe(true);
  const port = await freePort();
  const site = `http://127.0.0.1:${port}`;
  server = await serve(dir, port);

  const context = await browser.newContext();
  const page = await context.newPage();
  const deskPage = `/ar/sportelli/${desk}/`;
  const card = `${deskPage}scheda/`;
  await page.goto(`${site}/ar/`);
  // A private link opened in the same visit: nothing of it may be kept.
  await page.goto(`${site}/ar/newsletter/confirm/?token=abcdef0123456789abcdef0123456789`);
  await page.goto(`${site}/ar/`);
  const kept = await keptOnceThere(page, ['/ar/orari/', deskPage, card, '/ar/orari.ics']);
  expect(kept.filter((url) => /\/newsletter\/|\/api\/|\?/.test(url))).toEqual([]);
  // Only the language visited is kept.
  expect(kept.filter((url) => /\/(it|en|fr)\//.test(url))).toEqual([]);

  await context.setOffline(true);
  for (const path of ['/ar/orari/', deskPage, card]) {
    await page.goto(`${site}${path}`);
    await expect(page.locator('html'), path).toHaveAttribute('lang', 'ar');
    await expect(page.locator('h1').first(), path).toBeVisible();
    const notice = page.locator('[data-offline-notice]');
    await expect(notice, path).toBeVisible();
    // The date the copy was saved, in the page's language.
    await expect(notice.locator('time'), path).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
    expect(await notice.locator('time').innerText(), path).not.toBe('');
  }
  // The first address, offline: the home of the language kept, whatever the browser asks for.
  await page.goto(`${site}/`);
  await expect(page).toHaveURL(`${site}/ar/`);
  await expect(page.locator('[data-offline-notice]')).toBeVisible();
  await page.goto(`${site}/ar/orari/`);
  const status = page.locator('[data-hours-status]').first();
  await expect(status).toHaveAttribute('data-state', /^(open|closed)$/);
  expect((await status.innerText()).trim()).not.toBe('');
  // The footer's signup form says it needs a connection, and waits for one.
  const form = page.locator('form[method="post"]').first();
  await expect(form.locator('.offline-form')).toBeVisible();
  await expect(form.getByRole('button')).toBeDisabled();

  await context.setOffline(false);
  // Online, / is the server's again (through the worker): a language's home or the chooser.
  const root = await page.goto(`${site}/`);
  expect(root?.ok()).toBe(true);
  await expect(page.locator('a[href="/ar/"]').first()).toBeAttached();
  await page.goto(`${site}/ar/orari/`);
  await expect(page.locator('[data-offline-notice]')).toBeHidden();
  await expect(page.locator('form[method="post"] .offline-form')).toHaveCount(0);

  // A new deploy with changed text: the next online visit shows it, and the kept copy
  // follows without the reader doing anything.
  await stop(server);
  // The Arabic text, or the Italian one the Arabic page shows while it is not translated.
  const shown = hasFile('activities', 'ar', desk, join(dir, 'content')) ? 'ar' : 'it';
  appendFileSync(join(dir, 'content/activities', shown, `${desk}.md`), `\n${newText}\n`);
  const second = runAstro('build', dir);
  expect(second.ok, second.output).toBe(true);
  server = await serve(dir, port);
  await page.goto(`${site}${deskPage}`);
  await expect(page.getByText(newText)).toBeVisible();
  await expect
    .poll(
      () =>
        page.evaluate(async (path) => {
          const held = await (await caches.open('polo-pages')).match(path);
          return (await held?.text())?.includes('نص جديد') ?? false;
        }, deskPage),
      { timeout: 30_000 },
    )
    .toBe(true);
  await context.setOffline(true);
  await page.goto(`${site}${deskPage}`);
  await expect(page.locator('[data-offline-notice]')).toBeVisible();
  await expect(page.getByText(newText)).toBeVisible();
  await context.close();
});

test('a browser without service workers gets the site as before', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto('/ar/orari/');
  await expect(page.locator('[data-offline-notice]')).toBeHidden();
  await expect(page.locator('[data-hours-status]').first()).toHaveAttribute('data-state', /.+/);
  await expect(page.locator('form[method="post"]').first().getByRole('button')).toBeEnabled();
  await context.close();
});
