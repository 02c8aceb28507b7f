/**
 * A page's text cut into what a voice says at once: a sentence, or a part of a long one. Chrome
 * stops an utterance after about 15 seconds, so no chunk is longer than `maxChunk` characters
 * (about 12 seconds at the usual rate).
 */

/** The longest chunk, in characters. */
export const maxChunk = 200;

// Marks that direct text on screen and mean nothing to a voice: isolates, embeddings, LRM/RLM.
const directionMarks = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text as a voice should get it: no direction marks, one space between words. */
export const spokenText = (text: string) =>
  text.replace(directionMarks, '').replace(/\s+/g, ' ').trim();

/** Sentences of `text`, by the language's rules where the browser knows them. */
function sentences(text: string, lang: string): string[] {
  if (typeof Intl.Segmenter === 'function') {
    const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    return [...segmenter.segment(text)].map((s) => s.segment);
  }
  // Full stops of Latin, Arabic (؟ ۔), Sinhala and Tamil text end a sentence.
  return text.match(/[^.!?؟۔]+(?:[.!?؟۔]+\s*|$)/g) ?? [text];
}

/** A long sentence cut at its last pause (comma, semicolon, colon) or space before `max`. */
function pieces(sentence: string, max: number): string[] {
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > max) {
    const head = rest.slice(0, max);
    const pause = Math.max(...[',', ';', ':', '،', '؛'].map((mark) => head.lastIndexOf(mark)));
    const cut =
      pause > max / 3 ? pause + 1 : head.lastIndexOf(' ') > 0 ? head.lastIndexOf(' ') : max;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * The chunks of a block of text, each at most `max` characters, in order, e.g.
 * chunksOf('Apre lunedì. Chiude venerdì.', 'it') => ['Apre lunedì.', 'Chiude venerdì.'].
 */
export function chunksOf(text: string, lang: string, max = maxChunk): string[] {
  return sentences(spokenText(text), lang)
    .map((sentence) => sentence.trim())
    .filter(Boolean)
    .flatMap((sentence) => pieces(sentence, max));
}
