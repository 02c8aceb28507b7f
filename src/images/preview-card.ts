/**
 * What a link-preview image shows, and its size: what pages need to name the image, without the
 * renderer (src/images/preview.ts), which runs only when the site is built.
 */

export const previewWidth = 1200;
export const previewHeight = 630;

/** What a preview shows, in reading order. Each text is one paragraph, wrapped to fit. */
export interface PreviewCard {
  dir: 'ltr' | 'rtl';
  /** The Unicode script of the page's language, e.g. 'Arabic': it picks the first font. */
  script: string;
  /** A small line above the title, e.g. the Polo's name on a desk's image. */
  header?: string;
  title: string;
  /** Under the title, e.g. what the Polo does on the site's image. */
  subtitle?: string;
  /** At the bottom, e.g. 'Dove: Comune dei Popoli, Siracusa.' */
  footer: string;
}

/** The words a preview shows, as one line for `og:image:alt`, e.g. 'Lavoro · Polo … · Dove: …'. */
export function previewAlt(card: PreviewCard): string {
  return [card.title, card.subtitle, card.header, card.footer].filter(Boolean).join(' · ');
}
