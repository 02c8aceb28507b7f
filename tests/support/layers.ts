/**
 * The import-direction check: which folders of src/ a file may import, read from the files'
 * import specifiers (static, `import type`, dynamic `import()`, `import('…')` types,
 * `export … from`, side-effect imports, `?raw` and other suffixes), resolved to project paths.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import ts from 'typescript';

export interface LayerRule {
  /** A folder ('src/lib/') or a single file ('src/middleware.ts'), from the project root. */
  layer: string;
  /** The other layers its files may import; its own files always may. */
  mayImport: string[];
  /** What the layer is, and so why the rule: quoted in every failure. */
  says: string;
}

export interface Violation {
  file: string;
  specifier: string;
  target: string;
  message: string;
}

const codeFile = /\.(?:[cm]?[jt]s|astro)$/;

/** The code of a file that can import: for .astro, its frontmatter and its `<script>`s. */
export function codeOf(path: string, text: string): string {
  if (!path.endsWith('.astro')) return text;
  const parts = [/^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? ''];
  for (const tag of text.matchAll(/<script\b[^>]*>/gi)) {
    if (tag[0].endsWith('/>')) continue;
    const start = (tag.index ?? 0) + tag[0].length;
    const end = text.indexOf('</script>', start);
    parts.push(text.slice(start, end === -1 ? undefined : end));
  }
  return parts.join('\n');
}

/** Every module specifier a file names, in source order. */
export function specifiersOf(path: string, text: string): string[] {
  const { importedFiles, referencedFiles } = ts.preProcessFile(codeOf(path, text), true, true);
  return [...referencedFiles, ...importedFiles].map((file) => file.fileName);
}

const candidates = (path: string) => [
  path,
  ...['.ts', '.d.ts', '.mts', '.js', '.mjs', '.astro'].map((ext) => path + ext),
  `${path}/index.ts`,
];

/** The project path a relative specifier names: ('src/lib/a.ts', './b?raw') => src/lib/b.ts. */
export function resolveSpecifier(
  from: string,
  specifier: string,
  exists: (path: string) => boolean,
): string {
  const path = posix.join(posix.dirname(from), specifier.replace(/[?#].*$/, ''));
  return candidates(path).find(exists) ?? path;
}

/** The rule whose layer holds `path`: the most specific one. */
export function ruleFor(path: string, rules: LayerRule[]): LayerRule | undefined {
  return rules
    .filter(({ layer }) => (layer.endsWith('/') ? path.startsWith(layer) : path === layer))
    .sort((a, b) => b.layer.length - a.layer.length)[0];
}

/**
 * Every import that goes where its file's rule does not allow, and every file no rule holds.
 * `files` maps each code file's path to its text; other targets (CSS, SVG) resolve as written.
 */
export function checkLayers(files: Map<string, string>, rules: LayerRule[]): Violation[] {
  const violations: Violation[] = [];
  const exists = (path: string) => files.has(path);
  for (const [file, text] of files) {
    const rule = ruleFor(file, rules);
    if (!rule) {
      const message = `${file}: no layer rule holds this file; add one saying what it may import`;
      violations.push({ file, specifier: '', target: '', message });
      continue;
    }
    for (const specifier of specifiersOf(file, text)) {
      // Packages and virtual modules (astro:content) are not layers of the project.
      if (!specifier.startsWith('.')) continue;
      const target = resolveSpecifier(file, specifier, exists);
      const targetLayer = ruleFor(target, rules)?.layer;
      if (targetLayer === rule.layer || rule.mayImport.some((layer) => layer === targetLayer)) {
        continue;
      }
      const allowed = [rule.layer, ...rule.mayImport].join(', ');
      violations.push({
        file,
        specifier,
        target,
        message:
          `${file} imports '${specifier}' (${target}, layer ${targetLayer ?? 'none'}), ` +
          `but ${rule.layer} may import only ${allowed}: ${rule.says}`,
      });
    }
  }
  return violations;
}

function* codeFiles(root: string, dir: string): Generator<string> {
  for (const entry of readdirSync(posix.join(root, dir), { withFileTypes: true })) {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) yield* codeFiles(root, path);
    else if (codeFile.test(entry.name)) yield path;
  }
}

/** The code files under `dirs` (paths from `root`), path => text. */
export function projectFiles(root: string, dirs: string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of dirs) {
    for (const path of codeFiles(root, dir)) {
      files.set(path, readFileSync(posix.join(root, path), 'utf8'));
    }
  }
  return files;
}
