/**
 * An activity marked `kind: network` in its Italian file (fixture `tests/fixtures/network`:
 * a network with an English and an Arabic translation that do not repeat the kind, and a
 * desk that says no kind at all) is no desk: its page keeps its address but shows no hours,
 * no status line, no "they help you" line and no card, and lists point to it apart from the
 * desks, in every language.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/locales';
import { htmlFiles } from '../support/html-files';
import { uiString } from '../support/ui-strings';
import { runAstro, withFixture, type AstroRun } from './content-copy';

let build: AstroRun;
const client = () => join(build.dir, 'dist/client');
const page = (path: string) => readFileSync(join(client(), path, 'index.html'), 'utf8');
const network = (lang: string) => `/${lang}/sportelli/rete-prova/`;
const desk = (lang: string) => `/${lang}/sportelli/sportello-prova/`;

/** The HTML of the section whose heading has `id`, e.g. 'sportelli' on the home. */
function section(html: string, id: string): string {
  const match = new RegExp(`<section[^>]*aria-labelledby="${id}"[\\s\\S]*?</section>`).exec(html);
  return match?.[0] ?? '';
}

/** The message the WhatsApp link carries. */
function whatsappText(html: string): string {
  const href = /href="(https:\/\/wa\.me\/[^"]+)"/.exec(html)?.[1] ?? '';
  return new URL(href.replace(/&amp;/g, '&')).searchParams.get('text') ?? '';
}

beforeAll(() => {
  build = runAstro('build', withFixture('tests/fixtures/network'));
  expect(build.ok, build.output).toBe(true);
}, 180_000);

afterAll(() => rmSync(build.dir, { recursive: true, force: true }));

describe.each(locales.map((l) => l.code))('a network in %s', (lang) => {
  it('keeps its address and says it is no desk', () => {
    const html = page(network(lang));
    expect(html).toContain('data-activity-network');
    expect(html).toMatch(
      new RegExp(`<link rel="canonical" href="https?://[^"/]+${network(lang)}"`),
    );
  });

  it('has no hours table, no status line and no "they help you" line', () => {
    const html = page(network(lang));
    expect(html).not.toMatch(/<table[^>]*hours-table/);
    expect(html).not.toMatch(/<[^>]+data-hours-status/);
    expect(html).not.toContain('data-activity-staff');
    expect(html).not.toContain(uiString(lang, 'activity.staff'));
    expect(html).not.toContain(uiString(lang, 'activity.hours.title'));
  });

  it('has no card, and its share message carries no opening hours', () => {
    expect(existsSync(join(client(), network(lang), 'scheda'))).toBe(false);
    const html = page(network(lang));
    expect(html).not.toContain('data-share-card');
    const message = whatsappText(html);
    expect(message.split('\n')).toHaveLength(2); // name and Polo, then the link
    expect(message).not.toMatch(/\d[:.]\d\d/); // no time, in any language's way
  });

  it('is listed apart from the desks on the home and on a desk’s page', () => {
    const home = page(`/${lang}/`);
    expect(section(home, 'sportelli')).toContain(`href="${desk(lang)}"`);
    expect(section(home, 'sportelli')).not.toContain(`href="${network(lang)}"`);
    expect(section(home, 'rete')).toContain(`href="${network(lang)}"`);
    expect(section(home, 'rete')).not.toContain(`href="${desk(lang)}"`);

    const deskPage = page(desk(lang));
    expect(section(deskPage, 'altri')).not.toContain(`href="${network(lang)}"`);
    expect(section(deskPage, 'rete')).toContain(`href="${network(lang)}"`);
  });

  it('sends the reader to the desks', () => {
    expect(section(page(network(lang)), 'altri')).toContain(`href="${desk(lang)}"`);
  });

  it('leaves a desk with no kind a desk: hours, status line, help line and card', () => {
    const html = page(desk(lang));
    expect(html).toMatch(/<table[^>]*hours-table/);
    expect(html).toMatch(/<[^>]+data-hours-status/);
    expect(html).toContain(uiString(lang, 'activity.staff'));
    expect(html).toContain(`href="${desk(lang)}scheda/"`);
    expect(existsSync(join(client(), desk(lang), 'scheda/index.html'))).toBe(true);
  });
});

it('no page links to a card that does not exist', () => {
  for (const file of htmlFiles(client())) {
    for (const [, href] of readFileSync(file, 'utf8').matchAll(/href="(\/[^"#?]*scheda\/)"/g)) {
      expect(existsSync(join(client(), href ?? '', 'index.html')), `${file} → ${href}`).toBe(true);
    }
  }
});
