/**
 * Values some files must still write out themselves: CSS and the SVG favicon cannot import,
 * and importing would change the built bytes of the forms' inline CSS and of the editor's
 * bundle (/admin/polo-cms.js). Each copy must agree with the one definition, so changing the
 * value in one place only fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { siteTimeZone } from '../../src/lib/dates';
import { themeColor } from '../../src/lib/theme';
import { hoursSchema } from '../../src/schemas/content';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the theme colour (src/lib/theme.ts)', () => {
  it('is the accent of the pages’ styles', () => {
    expect(/--polo-accent:\s*([^;]+);/.exec(read('src/styles/global.css'))?.[1]).toBe(themeColor);
  });

  it('is the background of the favicon, the mark every icon is made from', () => {
    expect(/<rect\b[^>]*\bfill="([^"]+)"/.exec(read('public/favicon.svg'))?.[1]).toBe(themeColor);
  });
});

describe('the time zone (src/lib/dates.ts)', () => {
  it('is the only one the content accepts, and the one its message names', () => {
    expect([...hoursSchema.shape.timeZone.values]).toEqual([siteTimeZone]);
    const wrong = hoursSchema.shape.timeZone.safeParse('UTC');
    expect(wrong.error?.issues[0]?.message).toContain(siteTimeZone);
  });
});

/** Per form, the colours of the rules that mark a wrong field or a problem. */
function errorColours(component: string) {
  const style = /<style>([\s\S]*?)<\/style>/.exec(read(component))?.[1] ?? '';
  const edge = new Set<string>();
  const tint = new Set<string>();
  for (const [, selector = '', body = ''] of style.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!/aria-invalid|problem/.test(selector)) continue;
    for (const [, property = '', value = ''] of body.matchAll(/([\w-]+):\s*([^;]+);/g)) {
      for (const colour of value.match(/#[0-9a-f]{3,8}\b/gi) ?? []) {
        (property === 'background' ? tint : edge).add(colour.toLowerCase());
      }
    }
  }
  return { edge: [...edge], tint: [...tint] };
}

describe('the error colours', () => {
  it('are one red edge and one tint, the same in every form', () => {
    const newsletter = errorColours('src/components/NewsletterForm.astro');
    expect(newsletter.edge).toHaveLength(1);
    expect(newsletter.tint).toHaveLength(1);
    expect(errorColours('src/components/ReportForm.astro')).toEqual(newsletter);
  });
});
