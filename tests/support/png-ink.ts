/** Reading preview images back: where something is drawn on the plain background. */
import { PNG } from 'pngjs';

export interface Picture {
  width: number;
  height: number;
  /** Whether the pixel differs from the background colour (the top-left pixel). */
  ink(x: number, y: number): boolean;
}

/** Decodes a PNG, e.g. picture(bytes).width => 1200. */
export function picture(bytes: Uint8Array): Picture {
  const png = PNG.sync.read(Buffer.from(bytes));
  const [r, g, b] = png.data;
  return {
    width: png.width,
    height: png.height,
    ink(x, y) {
      const i = (y * png.width + x) * 4;
      const d =
        Math.abs((png.data[i] ?? 0) - (r ?? 0)) +
        Math.abs((png.data[i + 1] ?? 0) - (g ?? 0)) +
        Math.abs((png.data[i + 2] ?? 0) - (b ?? 0));
      return d > 60;
    },
  };
}

/** Pixels drawn in rows `top`..`bottom` (excluded), and their leftmost and rightmost columns. */
export function inkIn(pic: Picture, top: number, bottom: number) {
  let count = 0;
  let left = pic.width;
  let right = -1;
  for (let y = top; y < bottom; y++)
    for (let x = 0; x < pic.width; x++)
      if (pic.ink(x, y)) {
        count++;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
  return { count, left, right };
}

/** Whether two pictures are drawn the same in rows `top`..`bottom`, columns `left`..`right`. */
export function sameInk(
  a: Picture,
  b: Picture,
  area: { top: number; bottom: number; left: number; right: number },
): boolean {
  for (let y = area.top; y < area.bottom; y++)
    for (let x = area.left; x < area.right; x++) if (a.ink(x, y) !== b.ink(x, y)) return false;
  return true;
}
