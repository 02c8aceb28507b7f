/**
 * Left-to-right text shaped by HarfBuzz (harfbuzzjs, the library browsers use) and drawn as SVG
 * paths, for the link previews. resvg 2.6 shapes text itself but places the vowel signs of
 * Sinhala and Tamil on the letter before them (ඒකාබද්ධ drawn with ා over බ); paths leave resvg
 * nothing to lay out. A letter of the line's own script takes the first of the given fonts that
 * has it; Latin letters, digits and punctuation take the last (Noto Sans), so a Latin name inside
 * a Sinhala line looks as it does in a Latin line.
 */
import { readFileSync } from 'node:fs';
import * as hb from 'harfbuzzjs';

interface LoadedFont {
  font: hb.Font;
  upem: number;
}

const loaded = new Map<string, LoadedFont>();

function load(file: string): LoadedFont {
  let entry = loaded.get(file);
  if (!entry) {
    const face = new hb.Face(new hb.Blob(readFileSync(file)));
    entry = { font: new hb.Font(face), upem: face.upem };
    loaded.set(file, entry);
  }
  return entry;
}

/** Runs of text that one font draws, e.g. 'ස්ථානය: Comune' => ['ස්ථානය', ': Comune']. */
function runs(text: string, fonts: LoadedFont[]) {
  const result: { text: string; font: LoadedFont }[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const last = result.at(-1);
    const choices = /[\p{Script=Latin}\p{Script=Common}]/u.test(char) ? fonts.toReversed() : fonts;
    // Spaces, joiners and vowel signs stay with the run they are in.
    const font =
      last && /[\p{M}\u200c\u200d\s]/u.test(char)
        ? last.font
        : (choices.find((f) => f.font.nominalGlyph(codePoint)) ?? fonts[0]);
    if (!font) throw new Error('No font to shape text with');
    if (last?.font === font) last.text += char;
    else result.push({ text: char, font });
  }
  return result;
}

export interface ShapedLine {
  /** The advance of the whole line, in pixels at `size`. */
  width: number;
  /** SVG path data of every glyph, already placed: origin at the start of the baseline. */
  path: string;
}

/** `text` shaped with `fontFiles` (first choice first) at `size` pixels, e.g. for a preview title. */
export function shapeLine(text: string, fontFiles: string[], size: number): ShapedLine {
  const fonts = fontFiles.map(load);
  let x = 0;
  const parts: string[] = [];
  for (const run of runs(text, fonts)) {
    const buffer = new hb.Buffer();
    buffer.addText(run.text);
    buffer.guessSegmentProperties();
    buffer.setDirection(hb.Direction.LTR);
    hb.shape(run.font.font, buffer);
    const scale = size / run.font.upem;
    for (const glyph of buffer.getGlyphInfosAndPositions()) {
      const outline = run.font.font.glyphToPath(glyph.codepoint);
      const gx = x + (glyph.xOffset ?? 0) * scale;
      const gy = -(glyph.yOffset ?? 0) * scale;
      if (outline) parts.push(placePath(outline, gx, gy, scale));
      x += (glyph.xAdvance ?? 0) * scale;
    }
  }
  return { width: x, path: parts.join('') };
}

/**
 * A glyph outline (font units, y up) moved to (`dx`, `dy`) in pixels (y down), e.g.
 * placePath('M10 20L30 40Z', 5, 0, 0.1) => 'M6 -2L8 -4Z'.
 */
export function placePath(outline: string, dx: number, dy: number, scale: number): string {
  const round = (n: number) => String(Math.round(n * 10) / 10);
  return outline.replace(/([MLQCZ])([^MLQCZ]*)/g, (_, command: string, args: string) => {
    const numbers = args.trim()
      ? args
          .trim()
          .split(/[\s,]+/)
          .map(Number)
      : [];
    const placed = numbers.map((n, i) => round(i % 2 === 0 ? dx + n * scale : dy - n * scale));
    return command + placed.join(' ');
  });
}
