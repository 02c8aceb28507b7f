/**
 * The `Range` requests of RFC 9110 (section 14) for one file: a single byte range, so that a
 * recording can be played from where the reader seeks (Safari on iPhone plays no media from a
 * server that answers none). Anything else a client may send is answered with the whole file,
 * as the RFC allows a server that does not take it.
 */

/** What to send for a `Range` header: the whole file, the bytes start..end (inclusive), or a 416. */
export type RangeAnswer =
  { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

const whole: RangeAnswer = { kind: 'whole' };
const unsatisfiable: RangeAnswer = { kind: 'unsatisfiable' };

/**
 * The answer to `header` for a file of `size` bytes, e.g. ('bytes=0-99', 1000) => part 0..99,
 * ('bytes=-100', 1000) => part 900..999, ('bytes=1000-', 1000) => unsatisfiable. A header that
 * is missing, malformed or asks for several ranges ('bytes=0-1,5-6') => whole.
 */
export function requestedRange(header: string | undefined, size: number): RangeAnswer {
  if (!header) return whole;
  const spec = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!spec) return whole;
  const [, first = '', last = ''] = spec;
  if (first === '' && last === '') return whole;
  if (first === '') {
    // The last `length` bytes; a file shorter than that is sent whole, as a range.
    const length = Math.min(Number(last), size);
    return length > 0 ? { kind: 'part', start: size - length, end: size - 1 } : unsatisfiable;
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return whole;
  if (start >= size) return unsatisfiable;
  return { kind: 'part', start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

/**
 * Whether a range may be sent under `If-Range` (RFC 9110 13.1.5): only when it names this very
 * `etag`, compared strongly. A date or a weak tag never matches here (the server sends no
 * Last-Modified), so the client gets the whole file rather than parts of two versions.
 */
export function ifRangeAllows(header: string | undefined, etag: string): boolean {
  return header === undefined || header.trim() === etag;
}
