/**
 * The staff guide's pictures are taken by the end-to-end test of the editor, so they show the
 * editor as it is: every picture the guide shows must exist and be one that test takes, and no
 * picture lies in docs/img that the guide does not show. A task's stated number of steps is the
 * number of its numbered steps.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const guide = readFileSync('docs/guida-redazione.md', 'utf8');
const spec = readFileSync('tests/e2e/admin.spec.ts', 'utf8');
const pictures = [...guide.matchAll(/\]\(img\/([^)]+\.png)\)/g)].map((match) => match[1] ?? '');

describe('docs/guida-redazione.md', () => {
  it('shows pictures', () => {
    expect(pictures.length).toBeGreaterThan(0);
  });

  it.each(pictures)('shows img/%s, which exists and the editor test takes', (file) => {
    expect(existsSync(`docs/img/${file}`)).toBe(true);
    expect(spec).toContain(`shot(page, '${file.replace(/\.png$/, '')}')`);
  });

  it('leaves no picture in docs/img unshown', () => {
    const stored = readdirSync('docs/img').filter((file) => file.endsWith('.png'));
    expect(stored.filter((file) => !pictures.includes(file))).toEqual([]);
  });

  it('says how many steps the closure task has', () => {
    const section = guide.split(/^## /m).find((part) => part.startsWith('Pubblicare una chiusura'));
    const steps = section?.match(/^\d+\. /gm) ?? [];
    expect(section).toContain(`${steps.length} passi`);
  });
});
