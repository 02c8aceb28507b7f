/**
 * The Polo's name in the reader's language beside the Italian one: in the title, the header
 * and the home's heading, wherever the language names it differently. Words from the UI files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/locales';
import { uiString } from '../support/ui-strings';

const page = (path: string) => readFileSync(`dist/client/${path}index.html`, 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/[\u2066-\u2069]/g, '');

describe.each(locales)('the Polo’s name in $label', ({ code }) => {
  const italian = uiString('it', 'site.name');
  const translated = uiString(code, 'site.name.translated');
  const differs = translated !== italian;
  const home = page(`${code}/`);
  const header = (/<header[\s\S]*?<\/header>/.exec(home)?.[0] ?? '').replace(
    /[\u2066-\u2069]/g,
    '',
  );
  const heading = /<h1[\s\S]*?<\/h1>/.exec(home)?.[0] ?? '';
  const title = /<title>([^<]*)<\/title>/.exec(home)?.[1] ?? '';

  it('keeps the Italian name, marked as Italian, in the header', () => {
    expect(header).toMatch(new RegExp(`<span lang="it"[^>]*>${italian}</span>`));
  });

  it(differs ? 'adds the translated name to title, header and heading' : 'adds nothing', () => {
    for (const part of [text(header), text(heading), title]) {
      if (differs) expect(part).toContain(translated);
      else expect(part.split(italian)).toHaveLength(2);
    }
  });

  // Words nobody has checked are labelled, as a machine-translated page is; a reviewed or
  // Italian name is not.
  const machine = differs && uiString(code, 'translation') === 'machine';
  it(machine ? 'labels it a machine translation in header and heading' : 'labels nothing', () => {
    const label = uiString(code, 'site.name.machine');
    for (const part of [header, heading]) {
      const labels = [...part.matchAll(/<span[^>]*data-machine-translation[^>]*>([^<]*)<\/span>/g)];
      expect(labels.map((m) => m[1]?.trim())).toEqual(machine ? [label] : []);
    }
    // It names the text beside it, never the title of the page or of a link preview.
    expect(title).not.toContain(label);
  });

  it('puts it on every page’s title and header, not only the home', () => {
    const hours = page(`${code}/orari/`);
    expect(/<title>([^<]*)<\/title>/.exec(hours)?.[1]).toContain(italian);
    if (differs)
      expect(text(/<header[\s\S]*?<\/header>/.exec(hours)?.[0] ?? '')).toContain(translated);
  });
});
