/**
 * Three versions of a file's lines: the file, the printer's spelling of it, and the printer's
 * spelling of it changed. The change is carried onto the file's own lines, so a line the printer
 * would spell otherwise (two spaces after a colon, a comment out of line) stays as it was
 * unless the change is on it.
 */
import { commonItems } from './common-items';

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((line, i) => line === b[i]);

/**
 * The lines of `file` with the changes from `unchanged` to `changed`, e.g. a file with
 * `a:  1` and `b: 2`, printed `a: 1`/`b: 2`, changed `a: 1`/`b: 3` => `a:  1`/`b: 3`.
 */
export function mergeLines(file: string, unchanged: string, changed: string): string {
  const [o, b, n] = [file, unchanged, changed].map((text) => text.split('\n')) as [
    string[],
    string[],
    string[],
  ];
  const fileLineOf = new Map(commonItems(b, o, (x, y) => x === y));
  const changedLineOf = new Map(commonItems(b, n, (x, y) => x === y));
  // Lines all three share anchor the merge; between two anchors the change wins if any.
  const anchors = [...fileLineOf.keys()]
    .filter((line) => changedLineOf.has(line))
    .map((line) => [fileLineOf.get(line) ?? 0, line, changedLineOf.get(line) ?? 0]);
  const out: string[] = [];
  let previous = [-1, -1, -1];
  for (const anchor of [...anchors, [o.length, b.length, n.length]]) {
    const [fileGap, printedGap, changedGap] = [o, b, n].map((lines, k) =>
      lines.slice((previous[k] ?? 0) + 1, anchor[k]),
    ) as [string[], string[], string[]];
    out.push(...(same(printedGap, changedGap) ? fileGap : changedGap));
    const line = o[anchor[0] ?? o.length];
    if (line !== undefined) out.push(line);
    previous = anchor;
  }
  return out.join('\n');
}
