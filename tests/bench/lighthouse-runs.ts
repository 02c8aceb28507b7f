/**
 * Lighthouse as the benches run it: mobile defaults (simulated slow 4G, 4× CPU slowdown) in
 * Debian's Chromium, several runs per page, and a bare page (a title and a paragraph) served
 * by the same server as the floor every figure is compared with.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags } from 'lighthouse';

export type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** Where the bare page is written, inside the build the server serves: `/bench-bare/`. */
export const barePath = '/bench-bare/';

/** Writes the bare page into a build's static files; returns how to take it away again. */
export function writeBarePage(clientDir: string): () => void {
  const dir = join(clientDir, barePath);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="it"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Pagina nuda</title><p>Una pagina con un titolo e un paragrafo, per misurare il minimo.</p></html>\n',
  );
  return () => rmSync(dir, { recursive: true, force: true });
}

export interface Lighthouse {
  /** The browser's debugging port, for runs with settings of their own. */
  port: number;
  /** One Lighthouse run of `url` with the mobile defaults, or with `settings` changed. */
  measure(url: string, settings?: Flags): Promise<Result>;
  close(): void;
}

/** Debian's Chromium (or CHROMIUM_PATH), headless, kept quiet: nothing but the page on the wire. */
export async function startLighthouse(): Promise<Lighthouse> {
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
  return {
    port: chrome.port,
    async measure(url, settings = {}) {
      const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', ...settings };
      const result = await lighthouse(url, flags);
      if (!result?.lhr) throw new Error(`no Lighthouse result for ${url}`);
      return result.lhr;
    },
    close: () => chrome.kill(),
  };
}

/** The median of the finite numbers, e.g. [3, 1, NaN, 2] => 2; NaN if there are none. */
export function median(numbers: number[]): number {
  const sorted = numbers.filter(Number.isFinite).toSorted((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2
    ? (sorted[Math.floor(middle)] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** An audit's measured value, e.g. ('total-blocking-time') => 12.5 (ms); NaN if unmeasured. */
export const metric = (lhr: Result, id: string): number =>
  lhr.audits[id]?.numericValue ?? Number.NaN;

/** A category's score out of 100, e.g. ('performance') => 100. */
export const score = (lhr: Result, id: string): number =>
  Math.round((lhr.categories[id]?.score ?? 0) * 100);

/** The LCP element, as Lighthouse's LCP breakdown names it: where a late paint comes from. */
export function lcpElement(lhr: Result): string {
  const details = lhr.audits['lcp-breakdown-insight']?.details as
    { items?: { type: string; selector?: string }[] } | undefined;
  const node = details?.items?.find((item) => item.type === 'node');
  return (node?.selector ?? '').split(' > ').slice(-2).join(' > ');
}
