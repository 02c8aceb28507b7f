/**
 * A PNG with a palette, for the link previews: their few colours (the background, the ink and
 * the steps of anti-aliasing between them, about 60) fit in one byte a pixel, where resvg writes
 * four. Lossless: the same pixels in a third of the bytes, so a title in Sinhala, whose letters
 * have long outlines, stays within the previews' size budget like a Latin one.
 */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * RGBA pixels (`width` × `height`, 4 bytes each) as an indexed PNG, or undefined when they have
 * more than 256 colours (the caller then keeps its own PNG).
 */
export function indexedPng(
  rgba: Uint8Array,
  width: number,
  height: number,
): Uint8Array<ArrayBuffer> | undefined {
  const colours = new Map<number, number>();
  // One filter byte (0: none) before each row of palette indices.
  const rows = new Uint8Array(height * (width + 1));
  const view = new DataView(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = view.getUint32((y * width + x) * 4);
      let index = colours.get(colour);
      if (index === undefined) {
        if (colours.size === 256) return undefined;
        index = colours.size;
        colours.set(colour, index);
      }
      rows[y * (width + 1) + 1 + x] = index;
    }
  }
  const palette = new Uint8Array(colours.size * 3);
  const alpha = new Uint8Array(colours.size);
  for (const [colour, index] of colours) {
    palette.set([colour >>> 24, (colour >>> 16) & 255, (colour >>> 8) & 255], index * 3);
    alpha[index] = colour & 255;
  }
  const header = new Uint8Array(13);
  const headerView = new DataView(header.buffer);
  headerView.setUint32(0, width);
  headerView.setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8); // 8-bit indices, palette colour, no interlace
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('PLTE', palette),
    ...(alpha.some((a) => a !== 255) ? [chunk('tRNS', alpha)] : []),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ];
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}
