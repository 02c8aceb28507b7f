/**
 * Right-to-left helpers. Unicode isolates (FSI … PDI) are the plain-text form of `<bdi>`: a
 * Latin name, a time or a date inside them keeps its own direction inside Arabic text.
 */

/** Wraps text in isolates, e.g. isolate('09:00') => '\u206809:00\u2069'. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * A piece of text in a language written in another script: its own words, a name in Latin
 * letters (Italian, unless its author says otherwise), or an address (e-mail, web, a file's
 * type like .ics), which belongs to no language and is spelled out.
 */
export interface Piece {
  kind: 'text' | 'name' | 'address';
  text: string;
}

const latin = '\\p{Script=Latin}';
// Inside a word: letters, digits, the dots of abbreviations, apostrophes (l’Italia), & and dashes.
const wordTail = `[${latin}\\p{M}0-9.’'&–-]*`;
const space = '[ \\u00a0]+';
// A run of Latin-script words (Su.Pr.Eme. Italia, WCAG 2.2, AMIF – Emergency Funds,
// Comune dei Popoli, Siracusa): the next word may start with a digit, a dash or comma between
// two Latin words stays in the run.
const nameRun = `${latin}${wordTail}(?:${space}(?![\\w.+-]+@)[${latin}0-9]${wordTail}|${space}–(?=${space}${latin})|,(?=${space}${latin}))*`;
// E-mail and web addresses, a path of this site (/ar/orari/), and a file's type (.ics) on its own.
const address = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/|www\.)[^\s<>"«»]+|(?<![\p{L}\p{N}/])\/(?:[\w.-]+\/)+[\w.-]*|(?<![\p{L}\p{N}.])\.[a-z0-9]{2,5}(?![\p{L}\p{N}])`;
const pieceOf = new RegExp(`(${address})|${nameRun}`, 'gu');

// Punctuation that ends a sentence or a clause, never part of the name before it.
const trailing = /[.,;:!?’'&–-]$/u;
// The last word is an abbreviation whose final dot belongs to it: Su.Pr.Eme., S.p.A.
const abbreviation = /(?:^|\s)(?:\p{L}{1,5}\.){2,}$/u;

/** The name without the punctuation after it, e.g. 'Siracusa.' => 'Siracusa'. */
function withoutTrailing(run: string): string {
  let name = run;
  while (trailing.test(name) && !abbreviation.test(name)) name = name.slice(0, -1);
  return name;
}

/**
 * Splits text into its own words, Latin names and addresses, punctuation outside the names,
 * e.g. 'في Comune dei Popoli.' => [text 'في ', name 'Comune dei Popoli', text '.'].
 */
export function latinPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  const push = (kind: Piece['kind'], part: string) => {
    if (!part) return;
    const last = pieces.at(-1);
    if (kind === 'text' && last?.kind === 'text') last.text += part;
    else pieces.push({ kind, text: part });
  };
  let last = 0;
  for (const match of text.matchAll(pieceOf)) {
    const found = match[1] ? match[0].replace(/[.,;:!?)»]+$/u, '') : withoutTrailing(match[0]);
    push('text', text.slice(last, match.index));
    push(match[1] ? 'address' : 'name', found);
    last = match.index + found.length;
  }
  push('text', text.slice(last));
  return pieces;
}

// What must stay as it is: `{placeholders}` of UI strings, and text already isolated.
const keep = /\{\w+\}|\u2068[^\u2069]*\u2069/g;

/** Isolates the names and addresses of `text`, e.g. 'في Siracusa.' => 'في ⁨Siracusa⁩.'. */
function isolatePieces(text: string): string {
  return latinPieces(text)
    .map((piece) => (piece.kind === 'text' ? piece.text : isolate(piece.text)))
    .join('');
}

/**
 * Isolates every run of Latin-script words, e.g. 'برنامج Su.Pr.Eme. Italia، بتمويل' =>
 * 'برنامج ⁨Su.Pr.Eme. Italia⁩، بتمويل'. Punctuation after a name stays outside; placeholders
 * and isolated text are left alone.
 */
export function isolateLatinRuns(text: string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(keep)) {
    result += isolatePieces(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return result + isolatePieces(text.slice(last));
}
