/**
 * A first visit, on a phone far from Italy (America/Lima): one request per page (the manifest,
 * its icons and the service worker, asked for once the page is on screen, aside), and nothing
 * moves once painted, whatever the hour says in the status line, and even when the page arrives
 * in pieces.
 */
import { createServer } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { closeServer, listenOnLoopback } from '../support/loopback-server';
import { deskSlugs } from '../support/site-pages';
import { scheduleOf } from '../support/content-facts';
import { statusMoments } from '../support/status-moments';

const desk = deskSlugs[0] ?? '';
const pageTypes = [
  '/',
  `/sportelli/${desk}/`,
  `/sportelli/${desk}/scheda/`,
  '/orari/',
  '/programma/',
  '/avvisi/',
  '/privacy/',
  '/accessibilita/',
  '/newsletter/',
];
/**
 * Moments of the content's own timetable: open; closed for a holiday or a closure notice (the
 * longest kinds of line); the lunch break, or closed until tomorrow where no day has one.
 */
const found = statusMoments(scheduleOf);
const moments = [
  found.open,
  found.closure ?? found.holiday,
  found.lunchBreak ?? found.closedUntilTomorrow,
].flatMap((m) => (m ? [new Date(m.now).toISOString()] : []));
const aside = /\/(sw\.js|icons\/[^/]+|[a-z]+\/manifest\.webmanifest)$/;

/**
 * From the page's first byte on, keeps every layout shift in `window.shifts` as its size and
 * what moved from where to where, so that a failure says where to look.
 */
function recordShifts(page: Page) {
  return page.addInitScript(() => {
    const shifts: string[] = [];
    (window as unknown as { shifts: string[] }).shifts = shifts;
    interface Shift {
      value: number;
      sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    }
    const describe = (node?: Node) =>
      node instanceof Element
        ? `${node.localName}${node.className ? `.${String(node.className).replace(/ /g, '.')}` : ''}`
        : String(node?.nodeName);
    const box = (r: DOMRectReadOnly) => `${r.x},${r.y} ${r.width}x${r.height}`;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Shift[])
        shifts.push(
          `${entry.value.toFixed(4)}: ` +
            entry.sources
              .map((s) => `${describe(s.node)} ${box(s.previousRect)} → ${box(s.currentRect)}`)
              .join('; '),
        );
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

test.use({ timezoneId: 'America/Lima', viewport: { width: 360, height: 640 } });

for (const lang of ['it', 'ar']) {
  test(`every page type in ${lang} is one request and shifts nothing`, async ({ browser }) => {
    test.setTimeout(120_000);
    for (const now of moments) {
      // A first visit: a fresh browser, no worker yet.
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.clock.install({ time: new Date(now) });
      await recordShifts(page);
      for (const path of pageTypes) {
        const url = `/${lang}${path}`;
        const requests: string[] = [];
        const listener = (request: { url(): string }) => {
          if (!aside.test(new URL(request.url()).pathname)) requests.push(request.url());
        };
        page.on('request', listener);
        await page.goto(url, { waitUntil: 'load' });
        const status = page.locator('[data-hours-status]');
        // Once the status line is written (where there is one), the page has settled.
        if (await status.count()) await expect(status.first()).toHaveAttribute('data-state', /.+/);
        page.off('request', listener);
        expect(requests, `${url} at ${now}`).toHaveLength(1);
        const shifts = await page.evaluate(
          () => (window as unknown as { shifts: string[] }).shifts,
        );
        expect(shifts, `${url} at ${now}`).toEqual([]);
      }
      await context.close();
    }
  });
}

test('a page read in pieces moves none of the rows already painted', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  // A slow phone paints what it has read so far (the first frame waits only for <main> to
  // begin): here the page stops for a moment after each row of its tables, and nothing
  // painted may move when the rest arrives.
  const pause = 200;
  let piece = { html: '', cut: 0 };
  const server = createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.write(piece.html.slice(0, piece.cut));
    setTimeout(() => response.end(piece.html.slice(piece.cut)), pause);
  });
  const port = await listenOnLoopback(server);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await recordShifts(page);
  try {
    for (const path of [
      '/it/orari/',
      '/ar/orari/',
      '/ta/orari/',
      `/it/sportelli/${desk}/scheda/`,
    ]) {
      const html = await (await request.get(path)).text();
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      const cuts = [...main.matchAll(/<\/tr>/g)].map((m) => html.indexOf(main) + m.index + 5);
      if (path.endsWith('/orari/'))
        expect(cuts.length, `${path} has its weekly table`).toBeGreaterThan(7);
      for (const cut of cuts) {
        piece = { html, cut };
        await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'load' });
        // Two frames after the last piece, and the observer's report, come before the count.
        const shifts = await page.evaluate(async () => {
          for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
          await new Promise((done) => setTimeout(done));
          return (window as unknown as { shifts: string[] }).shifts;
        });
        expect(shifts, `${path} stopped after ${html.slice(cut - 60, cut)}`).toEqual([]);
      }
    }
  } finally {
    await context.close();
    await closeServer(server);
  }
});
