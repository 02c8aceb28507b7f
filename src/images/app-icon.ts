/** The app icons (home screen, splash): the favicon's mark drawn as PNG at build time. */
import { Resvg } from '@resvg/resvg-js';
import { mark } from './favicon';
import { themeColor } from '../lib/theme';

/**
 * The icon as PNG. A maskable icon fills its square with the colour and keeps the mark inside
 * the central 80 %, the safe zone every launcher's mask leaves visible.
 */
export function appIconPng(size: number, purpose: 'any' | 'maskable'): Buffer {
  const svg =
    purpose === 'any'
      ? mark
      : `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="${themeColor}"/><svg x="4" y="4" width="32" height="32" viewBox="0 0 32 32">${mark.replace(/^<svg[^>]*>|<\/svg>$/g, '')}</svg></svg>`;
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}
