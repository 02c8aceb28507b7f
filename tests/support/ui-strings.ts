import { readFileSync } from 'node:fs';

/** A UI string as an editor wrote it in `content/ui/{lang}.yaml`, e.g. ('fr', 'nav.hours'). */
export function uiString(lang: string, key: string): string {
  const line = readFileSync(`content/ui/${lang}.yaml`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${key}:`));
  if (!line) throw new Error(`no ${key} in content/ui/${lang}.yaml`);
  return line
    .slice(key.length + 1)
    .trim()
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
}
