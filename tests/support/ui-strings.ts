import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentCollections } from '../../src/schemas/collections';

/** A UI string as an editor wrote it in `content/ui/{lang}.yaml`, e.g. ('fr', 'nav.hours'). */
export function uiString(lang: string, key: string): string {
  const file = join('content', contentCollections.ui.path, `${lang}.yaml`);
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${key}:`));
  if (!line) throw new Error(`no ${key} in ${file}`);
  return line
    .slice(key.length + 1)
    .trim()
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
}
