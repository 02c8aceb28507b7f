/**
 * Right-to-left helpers. Unicode isolates (FSI … PDI) are the plain-text form of `<bdi>`: a
 * Latin name, a time or a date inside them keeps its own direction inside Arabic text.
 */

/** Wraps text in isolates, e.g. isolate('09:00') => '\u206809:00\u2069'. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

// A run of Latin-script words with the punctuation names carry (Su.Pr.Eme. Italia, AMIF – Emergency Funds).
const latinRun =
  /[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9.’'&()–-]*(?: +[A-Za-zÀ-ÖØ-öø-ÿ0-9][A-Za-zÀ-ÖØ-öø-ÿ0-9.’'&()–-]*| +–(?= +[A-Za-z]))*/g;

/**
 * Isolates every run of Latin-script words, e.g. 'برنامج Su.Pr.Eme. Italia، بتمويل' =>
 * 'برنامج ⁨Su.Pr.Eme. Italia⁩، بتمويل'. Text that is already isolated is left alone.
 */
export function isolateLatinRuns(text: string): string {
  if (text.includes('\u2068')) return text;
  return text.replace(latinRun, (run) => isolate(run));
}
