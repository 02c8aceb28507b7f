/**
 * Right-to-left helpers. Unicode isolates (FSI … PDI) are the plain-text form of `<bdi>`: a
 * Latin name, a time or a date inside them keeps its own direction inside Arabic text.
 */

/** Wraps text in isolates, e.g. isolate('09:00') => '\u206809:00\u2069'. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

// A run of Latin-script words with the punctuation names and addresses carry
// (Su.Pr.Eme. Italia, AMIF – Emergency Funds, name@example.com).
const latinRun =
  /[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9.’'&()@–-]*(?: +[A-Za-zÀ-ÖØ-öø-ÿ0-9][A-Za-zÀ-ÖØ-öø-ÿ0-9.’'&()@–-]*| +–(?= +[A-Za-z]))*/g;

// What must stay as it is: `{placeholders}` of UI strings, and text already isolated.
const keep = /\{\w+\}|\u2068[^\u2069]*\u2069/g;

/**
 * Isolates every run of Latin-script words, e.g. 'برنامج Su.Pr.Eme. Italia، بتمويل' =>
 * 'برنامج ⁨Su.Pr.Eme. Italia⁩، بتمويل'. Placeholders and isolated text are left alone.
 */
export function isolateLatinRuns(text: string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(keep)) {
    result += text.slice(last, match.index).replace(latinRun, isolate) + match[0];
    last = match.index + match[0].length;
  }
  return result + text.slice(last).replace(latinRun, isolate);
}
