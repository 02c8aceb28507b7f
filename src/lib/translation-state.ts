/**
 * Whether a translation still says what the Italian says: the one comparison the build (the
 * notice on a translated page) and `npm run content -- translations` (the list for
 * translators) both make, so the two never disagree.
 */
import { textRevision, type TextWords } from './text-revision.ts';

/**
 * `current`: made from the Italian words as they are; `outdated`: the Italian words changed
 * since; `untracked`: the translation does not say which Italian words it was made from.
 */
export type TranslationState = 'current' | 'outdated' | 'untracked';

/**
 * e.g. translationState('5c1f09a2', { title: 'Lavoro', summary: '…', body: '…' }) =>
 * 'outdated' once the Italian title, summary or text reads otherwise than when translated.
 */
export function translationState(
  translationOf: string | undefined,
  italian: TextWords,
): TranslationState {
  if (translationOf === undefined) return 'untracked';
  return translationOf === textRevision(italian) ? 'current' : 'outdated';
}

/** A content entry as the build holds it: its fields and its Markdown text. */
interface TextEntry {
  data: {
    title: string;
    summary: string;
    translationOf?: string | undefined;
    textChanged?: string | undefined;
  };
  body?: string;
}

/**
 * What a page in another language than Italian should say about its text, e.g. for an English
 * desk translated before the Italian changed on 2026-12-01: { changed: '2026-12-01' }; for a
 * current, untracked or missing translation (the page shows the Italian): undefined.
 */
export function outdatedTranslation(item: {
  entry: TextEntry;
  original: TextEntry;
  fallback: boolean;
}): { changed?: string } | undefined {
  if (item.fallback || item.entry === item.original) return undefined;
  const { title, summary } = item.original.data;
  const state = translationState(item.entry.data.translationOf, {
    title,
    summary,
    body: item.original.body,
  });
  if (state !== 'outdated') return undefined;
  const changed = item.original.data.textChanged;
  return changed === undefined ? {} : { changed };
}
