/** The app icons named by every language's manifest (PNG, made at build time). */
import type { APIContext } from 'astro';
import { appIconPng } from '../../images/app-icon';
import { appIcons } from '../../lib/offline';

export function getStaticPaths() {
  return appIcons.map(([icon, size, purpose]) => ({ params: { icon }, props: { size, purpose } }));
}

export function GET({ props }: APIContext<{ size: number; purpose: 'any' | 'maskable' }>) {
  return new Response(new Uint8Array(appIconPng(props.size, props.purpose)), {
    headers: { 'Content-Type': 'image/png' },
  });
}
