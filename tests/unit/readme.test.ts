/**
 * The README stays what a newcomer reads in five minutes: at most 10 KB, the two commands on its
 * first screen, and every link in it and in CONTRIBUTING.md leading to a file that exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');

describe('README.md', () => {
  it('weighs at most 10 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(10_000);
  });

  it('shows how to run the site and the tests on its first screen', () => {
    const firstScreen = readme.split('\n').slice(0, 25).join('\n');
    expect(firstScreen).toContain('npm ci && npm run build && npm start');
    expect(firstScreen).toContain('npm test');
  });

  it.each(['README.md', 'CONTRIBUTING.md', 'docs/operations.md', 'docs/deploy-node.md'])(
    '%s links only to files that exist',
    (file) => {
      const text = readFileSync(file, 'utf8');
      const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
        .map((match) => match[1] ?? '')
        .filter((target) => !/^[a-z]+:/.test(target));
      expect(targets.filter((target) => !existsSync(join(dirname(file), target)))).toEqual([]);
    },
  );
});
