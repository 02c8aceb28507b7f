/**
 * What the link previews of the site show, in a page's language: one image per desk and one for
 * every other page, with the Polo's name, the title and the Polo's place (content/place.yaml).
 */
import type { PreviewCard } from '../images/preview-card';
import { poloPlace } from './content';
import { localeInfo, type Locale } from '../lib/locales';
import type { Translator } from '../i18n/translate';

/** The file name of every preview image, beside the page it previews. */
const previewFile = 'anteprima.png';

/** The desk's image, without the language, e.g. deskPreviewPath('lavoro') => '/sportelli/lavoro/anteprima.png'. */
export const deskPreviewPath = (slug: string) => `/sportelli/${slug}/${previewFile}`;

/** The image of the pages that are no desk, without the language: '/anteprima.png'. */
export const sitePreviewPath = `/${previewFile}`;

/**
 * The card of a desk (its title given) or of the site (no title), e.g. for a desk in Arabic:
 * { header: 'Polo Sociale Integrato di Siracusa', title: 'العمل', footer: 'المكان: ⁨Comune dei Popoli, Siracusa⁩.' }.
 */
export async function previewCard(lang: Locale, t: Translator, deskTitle?: string) {
  const place = await poloPlace();
  const { dir, script } = localeInfo(lang);
  const footer = t('place.where', { place: t.isolate(`${place.venue}, ${place.city}`) });
  const card: PreviewCard = deskTitle
    ? { dir, script, header: t('site.name'), title: deskTitle, footer }
    : { dir, script, title: t('site.name'), subtitle: t('site.description'), footer };
  return card;
}
