/**
 * What the status line says at an instant, read from the changes the build worked out: the
 * browser only looks up, it computes no hours (src/i18n/status-changes.ts makes the list).
 */
import { offsetIsoString } from './offset-iso';

/** The status line's changes across a span of days, small enough to travel inside a page. */
export interface StatusChanges {
  /** The texts the line shows across the span, each once. */
  t: string[];
  /** The span's start, in minutes since 1970-01-01T00:00Z. */
  s: number;
  /** The span's length in minutes: past it the line says nothing. */
  n: number;
  /**
   * Five numbers a change, in order: minutes since the previous change (the first: since the
   * start, 0), its text's place in `t`, 1 if open else 0, minutes from it to the next opening
   * or closing (0 if none is known), Italy's offset from UTC at that next change in hours.
   */
  c: number[];
}

export interface StatusLine {
  text: string;
  state: 'open' | 'closed';
  /** The next opening or closing, e.g. '2026-12-02T09:00:00+01:00'; absent if none. */
  nextChange?: string;
}

const minute = 60_000;

/** The line at `now`, or nothing outside the span (a page kept too long, a clock far off). */
export function statusAt(changes: StatusChanges, now: number): StatusLine | undefined {
  const at = now / minute - changes.s;
  if (!(at >= 0 && at < changes.n)) return undefined;
  const { c } = changes;
  let line: StatusLine | undefined;
  for (let i = 0, start = 0; i < c.length && (start += c[i] ?? 0) <= at; i += 5) {
    const next = c[i + 3] ?? 0;
    line = {
      text: changes.t[c[i + 1] ?? 0] ?? '',
      state: c[i + 2] ? 'open' : 'closed',
      ...(next
        ? { nextChange: offsetIsoString((changes.s + start + next) * minute, (c[i + 4] ?? 1) * 60) }
        : {}),
    };
  }
  return line;
}
