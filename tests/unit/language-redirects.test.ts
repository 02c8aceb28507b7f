/**
 * Netlify's rules for `/`, read as Netlify reads them (its own parser): one temporary, forced
 * redirect a language, on that language alone; and the adapter's function kept off `/`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllRedirects } from '@netlify/redirect-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { languageRules, withoutRoot } from '../../src/integrations/language-redirects';
import { localeCodes } from '../../src/lib/locales';

const dir = mkdtempSync(join(tmpdir(), 'polo-redirects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the rules of _redirects for /', () => {
  it('send / to each language on that language only, for now, over the chooser’s file', async () => {
    const file = join(dir, '_redirects');
    writeFileSync(file, languageRules());
    const { redirects, errors } = await parseAllRedirects({
      redirectsFiles: [file],
      configRedirects: [],
      minimal: true,
    });
    expect(errors).toEqual([]);
    expect(redirects).toEqual(
      localeCodes.map((code): unknown =>
        expect.objectContaining({
          from: '/',
          to: `/${code}/`,
          status: 302,
          force: true,
          conditions: { Language: [code] },
        }),
      ),
    );
  });

  it('keep / out of the adapter’s function, and fail the build if the adapter changes', () => {
    const adapter =
      "export const config = {\n\t\t\t\tpath: '/*',\n\t\t\t\tpreferStatic: true,\n\t\t\t};";
    expect(withoutRoot(adapter)).toContain("preferStatic: true, excludedPath: ['/'],");
    expect(() => withoutRoot("export const config = { path: '/api/*' };")).toThrow(/adapter/);
  });
});
