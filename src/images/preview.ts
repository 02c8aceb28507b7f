/**
 * Link-preview images (Open Graph), made at build time: a 1200×630 PNG with a few lines of text
 * in the page's language, drawn by resvg. Right-to-left lines are text that resvg shapes itself
 * (rustybuzz, HarfBuzz's rules in Rust), so Arabic letters join and the line reads from the
 * right as in a browser; left-to-right lines are shaped by HarfBuzz and handed to resvg as paths
 * (shaped-text.ts), because resvg misplaces the vowel signs of Sinhala and Tamil. No browser and
 * no system font is involved, and the fonts never reach the site.
 */
import { createRequire } from 'node:module';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { themeColor } from '../lib/theme';
import { indexedPng } from './indexed-png';
import { previewHeight, previewWidth, type PreviewCard } from './preview-card';
import { shapeLine } from './shaped-text';

const require = createRequire(import.meta.url);
const expoFont = (family: string, weight: string) => {
  const file = family.replace(/ /g, '');
  const pkg = family.toLowerCase().replace(/ /g, '-');
  return require.resolve(`@expo-google-fonts/${pkg}/${weight}/${file}_${weight}.ttf`);
};

/**
 * The first font of each script (Noto, OFL 1.1); Noto Sans follows it for Latin names and digits.
 * A language written in another script needs its Noto package here (a unit test says so), and a
 * look at the image it makes (compared with Chromium's rendering of the same words).
 */
export const scriptFonts: Record<string, string> = {
  Latin: 'Noto Sans',
  Arabic: 'Noto Sans Arabic',
  Sinhala: 'Noto Sans Sinhala',
  Tamil: 'Noto Sans Tamil',
};

/** The Noto families text in `script` is drawn with, first choice first. */
function families(script: string): string[] {
  const first = scriptFonts[script];
  if (!first) throw new Error(`No preview font for the ${script} script: add one to scriptFonts`);
  return [...new Set([first, 'Noto Sans'])];
}

const weightFile = { 400: '400Regular', 700: '700Bold' } as const;

/** resvg's settings for text in `script`: its Noto font and Noto Sans, nothing else. */
function renderOptions(script: string): ResvgRenderOptions {
  const fontFiles = families(script).flatMap((family) =>
    Object.values(weightFile).map((weight) => expoFont(family, weight)),
  );
  return {
    // Only these fonts: the same image on every machine, whatever it has installed (and each
    // font file more is read again for every line measured).
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Noto Sans' },
    logLevel: 'off',
  };
}

const colors = { paper: themeColor, ink: '#ffffff', soft: '#d6e4f2', rule: '#f2b705' };
const margin = 80;
const textWidth = previewWidth - 2 * margin;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fontFamily(script: string): string {
  const first = scriptFonts[script] ?? 'Noto Sans';
  return first === 'Noto Sans' ? "'Noto Sans'" : `'${first}', 'Noto Sans'`;
}

/**
 * resvg orders every line as a left-to-right paragraph, whatever `direction` says: wrapping a
 * right-to-left line in RIGHT-TO-LEFT EMBEDDING … POP DIRECTIONAL FORMATTING makes it the
 * right-to-left paragraph that `dir="rtl"` makes in a page, so 'المكان: ⁨Comune dei Popoli⁩'
 * reads from the right, the Latin name to the left of the Arabic word.
 */
const paragraph = (line: string, dir: PreviewCard['dir']) =>
  dir === 'rtl' ? `\u202B${line}\u202C` : line;

export interface Style {
  size: number;
  weight: 400 | 700;
  script: string;
  dir: PreviewCard['dir'];
}

const shapedLine = (line: string, style: Style) =>
  shapeLine(
    line,
    families(style.script).map((family) => expoFont(family, weightFile[style.weight])),
    style.size,
  );

function textElement(line: string, baseline: number, style: Style, fill: string): string {
  if (style.dir === 'ltr') {
    const { path } = shapedLine(line, style);
    return `<path transform="translate(${margin} ${baseline.toFixed(1)})" fill="${fill}" d="${path}"/>`;
  }
  const x = style.dir === 'rtl' ? previewWidth - margin : margin;
  const anchor = style.dir === 'rtl' ? 'end' : 'start';
  return (
    `<text x="${x}" y="${baseline.toFixed(1)}" text-anchor="${anchor}" ` +
    `font-family="${fontFamily(style.script)}" ` +
    `font-size="${style.size}" font-weight="${style.weight}" fill="${fill}">` +
    `${escapeXml(paragraph(line, style.dir))}</text>`
  );
}

// The header and footer are the same on every image of a language: measured once a build.
const widths = new Map<string, number>();

/** The drawn width of one line, in pixels, as it is drawn, e.g. for the title's size. */
export function measure(line: string, style: Style): number {
  if (style.dir === 'ltr') return shapedLine(line, style).width;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${previewWidth}" height="${previewHeight}">` +
    `${textElement(line, 200, style, '#000')}</svg>`;
  let width = widths.get(svg);
  if (width === undefined) {
    width = new Resvg(svg, renderOptions(style.script)).getBBox()?.width ?? 0;
    widths.set(svg, width);
  }
  return width;
}

/**
 * Words in lines no wider than `width` (a word longer than that stays whole on its own line),
 * e.g. wrapWords('a bb cc', 4, (s) => s.length) => ['a bb', 'cc'].
 */
export function wrapWords(text: string, width: number, measureLine: (line: string) => number) {
  const whole = text.trim().replace(/\s+/g, ' ');
  if (measureLine(whole) <= width) return [whole];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const longer = line ? `${line} ${word}` : word;
    if (!line || measureLine(longer) <= width) line = longer;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The largest of `sizes` at which `text` fits in `maxLines`; at the smallest, the last line that
 * fits ends with '…' (a title that long is not expected, but it must not run off the image).
 */
function fit(text: string, sizes: number[], maxLines: number, base: Omit<Style, 'size'>) {
  for (const size of sizes) {
    const style = { ...base, size };
    const lines = wrapWords(text, textWidth, (line) => measure(line, style));
    if (lines.length <= maxLines) return { style, lines };
  }
  const style = { ...base, size: sizes.at(-1) ?? 40 };
  const lines = wrapWords(text, textWidth, (line) => measure(line, style)).slice(0, maxLines);
  let last = lines.pop() ?? '';
  while (last.includes(' ') && measure(`${last}…`, style) > textWidth)
    last = last.slice(0, last.lastIndexOf(' '));
  return { style, lines: [...lines, `${last}…`] };
}

/** The preview as SVG, its text still text (resvg draws it), e.g. for a test to look at. */
export function previewSvg(card: PreviewCard): string {
  const base = { script: card.script, dir: card.dir };
  const parts: string[] = [];

  // Top: the header; bottom: a rule and the footer; between them the title block, centred.
  let top = 64;
  if (card.header) {
    const header = fit(card.header, [34, 28], 1, { ...base, weight: 400 });
    top += header.style.size;
    parts.push(textElement(header.lines[0] ?? '', top, header.style, colors.soft));
    top += 24;
  }
  const footer = fit(card.footer, [34, 28], 2, { ...base, weight: 400 });
  const footerLead = footer.style.size * 1.3;
  let bottom = previewHeight - 64 - footerLead * (footer.lines.length - 1);
  footer.lines.forEach((line, i) =>
    parts.push(textElement(line, bottom + i * footerLead, footer.style, colors.ink)),
  );
  bottom -= footer.style.size + 28;
  const ruleX = card.dir === 'rtl' ? previewWidth - margin - 120 : margin;
  parts.push(`<rect x="${ruleX}" y="${bottom}" width="120" height="8" fill="${colors.rule}"/>`);
  bottom -= 24;

  const title = fit(card.title, [76, 66, 56, 48], 3, { ...base, weight: 700 });
  const subtitle = card.subtitle
    ? fit(card.subtitle, [36, 30], 2, { ...base, weight: 400 })
    : undefined;
  const titleLead = title.style.size * 1.2;
  const subLead = (subtitle?.style.size ?? 0) * 1.35;
  const block =
    titleLead * title.lines.length + (subtitle ? 28 + subLead * subtitle.lines.length : 0);
  let y = top + Math.max(0, (bottom - top - block) / 2);
  for (const line of title.lines) {
    y += titleLead;
    parts.push(textElement(line, y - titleLead * 0.22, title.style, colors.ink));
  }
  if (subtitle) {
    y += 28;
    for (const line of subtitle.lines) {
      y += subLead;
      parts.push(textElement(line, y - subLead * 0.25, subtitle.style, colors.soft));
    }
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${previewWidth}" height="${previewHeight}" ` +
    `viewBox="0 0 ${previewWidth} ${previewHeight}">` +
    `<rect width="${previewWidth}" height="${previewHeight}" fill="${colors.paper}"/>` +
    `${parts.join('')}</svg>`
  );
}

/** The preview as PNG bytes, 1200×630, with a palette when its colours fit in one. */
export function previewPng(card: PreviewCard): Uint8Array<ArrayBuffer> {
  const image = new Resvg(previewSvg(card), renderOptions(card.script)).render();
  return indexedPng(image.pixels, image.width, image.height) ?? new Uint8Array(image.asPng());
}
