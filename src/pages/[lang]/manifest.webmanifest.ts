/**
 * The web app manifest of one language: "Add to home screen" installs the Polo under its name
 * in that language, opening at that language's home page.
 */
import type { APIContext } from 'astro';
import { everyLanguage } from '../../page-data/content';
import { translatedSiteName } from '../../i18n/site-name';
import { plainText } from '../../lib/share';
import { themeColor } from '../../lib/theme';
import { appIcons, iconPath } from '../../lib/offline';
import { localePath } from '../../lib/paths';

export const getStaticPaths = everyLanguage;

export function GET({ locals }: APIContext) {
  const { lang, dir, t } = locals;
  const home = localePath(lang, '/');
  const manifest = {
    // One app per language: installing Arabic and French gives two icons, each in its language.
    id: home,
    name: plainText(translatedSiteName(t) ?? t('site.name')),
    description: t('site.description'),
    lang,
    dir,
    start_url: home,
    // The whole site, so that the language switcher stays inside the app.
    scope: '/',
    display: 'standalone',
    theme_color: themeColor,
    background_color: '#ffffff',
    icons: appIcons.map(([file, size, purpose]) => ({
      src: iconPath(file),
      sizes: `${size}x${size}`,
      type: 'image/png',
      purpose,
    })),
  };
  return new Response(JSON.stringify(manifest), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
}
