import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every HTML file under `dir`, at any depth: the pages of a build. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}
