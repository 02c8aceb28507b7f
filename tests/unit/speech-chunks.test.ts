/** What a voice says at once: a sentence, never more than maxChunk characters. */
import { describe, expect, it } from 'vitest';
import { chunksOf, maxChunk, spokenText } from '../../src/lib/speech-chunks';

describe('chunksOf', () => {
  it('cuts text into sentences, in order', () => {
    expect(chunksOf('Il Polo apre lunedì. Chiude venerdì! Perché?', 'it')).toEqual([
      'Il Polo apre lunedì.',
      'Chiude venerdì!',
      'Perché?',
    ]);
  });

  it('leaves out the marks that direct text on screen', () => {
    expect(spokenText('من \u206809:00\u2069  إلى\u200f \u206813:00\u2069')).toBe(
      'من 09:00 إلى 13:00',
    );
  });

  it.each(['it', 'ar', 'si', 'ta', 'so'])(
    'never gives a chunk longer than the limit (%s)',
    (lang) => {
      const words = { it: 'parola', ar: 'كلمة', si: 'වචනය', ta: 'சொல்', so: 'eray' }[lang] ?? 'x';
      const long = `${Array.from({ length: 120 }, (_, i) => (i % 17 === 16 ? `${words},` : words)).join(' ')}.`;
      const chunks = chunksOf(`${long} ${long}`, lang);
      expect(chunks.length).toBeGreaterThan(2);
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(maxChunk);
        expect(chunk).not.toBe('');
      }
      // Nothing lost: the words in order.
      expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(`${long} ${long}`);
    },
  );

  it('cuts a long sentence at a pause rather than in the middle of a clause', () => {
    const clause = 'una frase abbastanza lunga da riempire buona parte del limite';
    const chunks = chunksOf(`${clause}, ${clause}, ${clause}, ${clause}.`, 'it', 140);
    expect(chunks[0]?.endsWith(',')).toBe(true);
  });

  it('cuts a word longer than the limit rather than loop', () => {
    expect(chunksOf('x'.repeat(450), 'it', 200).map((c) => c.length)).toEqual([200, 200, 50]);
  });
});
