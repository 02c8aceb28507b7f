/**
 * Content mistakes told the way an editor can act on them: the file, the line, the field in
 * the editor's words (the weekday, not `weekly.1`), one message per mistake, no stack trace.
 */
import type { z } from 'astro/zod';
import type { SourceFile } from './content-source';

export class ContentError extends Error {
  constructor(file: string, problem: string) {
    super(problem.startsWith('\n') ? `${file}:${problem}` : `${file}: ${problem}`);
    this.name = 'ContentError';
    // The message is all an editor needs; a stack trace would only bury it.
    this.stack = '';
  }
}

type Issue = z.core.$ZodIssue;

/**
 * A field's path in the editor's words, e.g. ['weekly', 1, 'slots', 0, 'closes'] over the hours
 * => 'weekly › wednesday › period 1 › closes'.
 */
export function fieldLabel(path: readonly PropertyKey[], data: unknown): string {
  const words: string[] = [];
  let node: unknown = data;
  let parentKey: PropertyKey | undefined;
  for (const key of path) {
    if (typeof key === 'number') {
      const item = Array.isArray(node) ? (node[key] as unknown) : undefined;
      const day = (item as { day?: unknown } | undefined)?.day;
      if (typeof day === 'string' && day) words.push(day);
      else if (parentKey === 'slots') words.push(`period ${key + 1}`);
      else words.push(`item ${key + 1}`);
    } else if (key !== 'slots') {
      // 'slots' is implied by the 'period N' that follows it.
      words.push(String(key));
    }
    node =
      node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    parentKey = key;
  }
  return words.join(' › ');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * One line per mistake, e.g. 'line 9 (weekly › wednesday › period 1 › closes): the closing time
 * must come after the opening time'. `prefix` is where the entry sits in the file (its key in a
 * YAML file of several entries).
 */
export function describeIssues(
  issues: readonly Issue[],
  data: unknown,
  source: SourceFile,
  prefix: readonly PropertyKey[] = [],
): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const label = fieldLabel(path, data);
    // A field gets one message: the first says what to fix; the others follow from it.
    if (seen.has(label)) continue;
    seen.add(label);
    // "Missing" and "wrongly written" call for different fixes: say which it is.
    const missing = issue.code === 'invalid_type' && valueAt(data, path) === undefined;
    // A missing top-level field has no line of its own; the start of the file would mislead.
    const line = missing && path.length === 1 ? undefined : source.lineOf([...prefix, ...path]);
    const where = [line ? `line ${line}` : '', label ? `(${label})` : ''].filter(Boolean).join(' ');
    const message =
      missing && !issue.message.includes('missing') ? `missing; ${issue.message}` : issue.message;
    lines.push(`${where ? `${where}: ` : ''}${message}`);
  }
  return lines;
}

/** The message of an entry that fails its schema: the file, then one indented line per mistake. */
export function schemaError(
  shownAs: string,
  issues: readonly Issue[],
  data: unknown,
  source: SourceFile,
  prefix: readonly PropertyKey[] = [],
): ContentError {
  const lines = describeIssues(issues, data, source, prefix);
  return new ContentError(shownAs, `\n  ${lines.join('\n  ')}`);
}
