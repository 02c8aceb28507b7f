/**
 * One fact, one place: a date, a flag or a link is the same in every language, so it is
 * written in the Italian original only. A translation that leaves it out inherits it; one
 * that writes another value would make one language say something else, and stops the build.
 */
import { ContentError } from './content-errors';
import type { SourceFile } from './content-source';

export interface WrittenEntry {
  source: SourceFile;
  /** The file as the message names it, e.g. 'content/notices/en/chiusura.md'. */
  shownAs: string;
}

/** A value in a form that compares equal however YAML spelled it, e.g. {to, from} = {from, to}. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** A value as an editor wrote it, e.g. { from: '2026-12-24', to: … } => 'from: 2026-12-24, to: …'. */
function shown(value: unknown): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([key, v]) => `${key}: ${String(v)}`)
      .join(', ');
  }
  return String(value);
}

const fieldsOf = (source: SourceFile) =>
  source.data && typeof source.data === 'object' ? (source.data as Record<string, unknown>) : {};

/**
 * `data` of a translation with the original's `fields` filled in, e.g. an English notice with
 * no `closure` gets the Italian closure. Throws naming both files when they disagree.
 */
export function withOriginalFacts(
  data: Record<string, unknown>,
  translation: WrittenEntry,
  original: WrittenEntry,
  fields: readonly string[],
): Record<string, unknown> {
  const written = fieldsOf(translation.source);
  const facts = fieldsOf(original.source);
  const merged = { ...data };
  const conflicts: string[] = [];
  for (const field of fields) {
    const own = written[field];
    const fact = facts[field];
    if (own === undefined) {
      if (fact === undefined) delete merged[field];
      else merged[field] = fact;
      continue;
    }
    if (canonical(own) === canonical(fact)) continue;
    const line = translation.source.lineOf([field]);
    const factLine = original.source.lineOf([field]);
    conflicts.push(
      fact === undefined
        ? `line ${line} (${field}): the Italian original ${original.shownAs} does not have it; ` +
            `write ${field} there, and take it out of this translation`
        : `line ${line} (${field}): ${shown(own)} here, but ${shown(fact)} in the ` +
            `Italian original ${original.shownAs} (line ${factLine}). It is the same in every ` +
            'language: write it only in the Italian file, and take it out of this translation',
    );
  }
  if (conflicts.length > 0) {
    throw new ContentError(translation.shownAs, `\n  ${conflicts.join('\n  ')}`);
  }
  return merged;
}
