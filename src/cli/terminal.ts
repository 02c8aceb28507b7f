/**
 * What the operators' commands print lands in a terminal, and some of it was typed by anyone
 * (a report, an address, a setting): a control character there (ESC and C1 sequences move the
 * cursor, retitle the window, hide lines) or a bidi override (which reorders what follows)
 * would act on the staff's screen. Every command shows each as a visible escape instead.
 */

// C0 but tab and line feed, DEL, C1, and the bidi embeddings, overrides and isolates. A carriage
// return is kept only in a CR LF line end (reports typed in a browser have them). ZWJ and
// ZWNJ stay: Sinhala and Tamil text needs them.
const unsafe = /[\0-\x08\v\f\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/** Text with each unsafe character shown as an escape, e.g. 'a\x1b[2Jb' => 'a\\u{1b}[2Jb'. */
export const printable = (text: string): string =>
  text.replace(unsafe, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);

/**
 * JSON for a terminal: the same value, with the characters JSON.stringify leaves raw (DEL, C1,
 * bidi controls) written as JSON escapes, so that `printable` finds nothing to change in it.
 */
export const jsonText = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(
    /[\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );

const rawStderr = process.stderr.write.bind(process.stderr);

/** Writes to standard error as it is: only for the progress line's own cursor codes. */
export const writeRawStderr = (text: string): boolean => rawStderr(text);

/**
 * From now on, everything this process writes to standard output and error (console.log,
 * errors, a library's warnings) is passed through `printable`.
 */
export function guardTerminal(): void {
  for (const stream of [process.stdout, process.stderr]) {
    // Whatever follows the text (an encoding, a callback) is passed on as it came.
    const write = stream.write.bind(stream) as (text: string, ...rest: unknown[]) => boolean;
    const guarded = (chunk: string | Uint8Array, ...rest: unknown[]): boolean =>
      write(
        printable(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')),
        ...rest,
      );
    stream.write = guarded;
  }
}
