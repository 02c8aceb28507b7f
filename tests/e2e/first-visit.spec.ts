/**
 * A first visit, on a phone far from Italy (America/Lima): one request per page (the manifest,
 * its icons and the service worker, asked for once the page is on screen, aside), and nothing
 * moves once painted,
 * whatever the hour says in the status line.
 */
import { expect, test } from '@playwright/test';
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

test.use({ timezoneId: 'America/Lima', viewport: { width: 360, height: 640 } });

for (const lang of ['it', 'ar']) {
  test(`every page type in ${lang} is one request and shifts nothing`, async ({ browser }) => {
    test.setTimeout(120_000);
    for (const now of moments) {
      // A first visit: a fresh browser, no worker yet.
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.clock.install({ time: new Date(now) });
      await page.addInitScript(() => {
        // Each shift as its size and what moved, so a failure says where to look.
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
