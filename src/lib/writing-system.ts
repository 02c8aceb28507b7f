/**
 * Which script a text is mostly written in, to catch a file saved in the wrong language
 * folder (Arabic text under `fr/`). Latin names inside Arabic text are expected; a majority
 * of letters in another script is not.
 */

/** Scripts the site's languages are written in (Unicode script names). */
const scripts = ['Latin', 'Arabic', 'Sinhala', 'Tamil', 'Cyrillic', 'Greek', 'Devanagari'];

/** The script most of the letters of `text` belong to, e.g. 'Bonjour à tous' => 'Latin'. */
export function mainScript(text: string): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const script of scripts) {
    const count = text.match(new RegExp(`\\p{Script=${script}}`, 'gu'))?.length ?? 0;
    if (count > bestCount) [best, bestCount] = [script, count];
  }
  return best;
}

/** A warning when `text` is mostly in another script than `expected`, else undefined. */
export function scriptMismatch(
  text: string,
  expected: string,
  folderLabel: string,
): string | undefined {
  const found = mainScript(text);
  if (!found || found === expected) return undefined;
  return (
    `the text is mostly in ${found} script, but this folder is for ${folderLabel} ` +
    `(${expected} script): is the file in the right language folder?`
  );
}
