/**
 * What the build leaves for `send-notices`, per language: the notices to mail and the words
 * around them. Written by `src/pages/[lang]/avvisi/newsletter.json.ts`, read by the sender
 * (`src/server/newsletter/notices/bundle.ts`) and the notice mail's template.
 */

export interface MailedNotice {
  /** Same in every language, e.g. 'chiusura-natale'; the page is `/{lang}/avvisi/{slug}/`. */
  slug: string;
  /** Language the text is written in: the bundle's, or Italian when not translated yet. */
  textLang: string;
  textDir: 'ltr' | 'rtl';
  fallback: boolean;
  /** Who wrote the text: source (Italian, also a fallback's), machine or reviewed. */
  translation: 'source' | 'machine' | 'reviewed';
  title: string;
  summary: string;
  /** The body as HTML, as the page shows it (links may be relative to the site). */
  html: string;
  /** The body as plain text. */
  text: string;
  /** Facts of the Italian original, e.g. '2026-12-01'. */
  published: string;
  closure?: { from: string; to: string };
  /** The closure in words in the bundle's language, e.g. 'Polo chiuso dal 24 dicembre 2026 al 7 gennaio 2027'. */
  closureText?: string;
}

export interface NoticeBundle {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Who wrote the interface words: `machine` until a person has checked them. */
  uiTranslation: 'source' | 'machine' | 'reviewed';
  /** Interface words of the mail in this language. */
  strings: {
    siteName: string;
    /** Says the mail holds words translated automatically. */
    machine: string;
    fallback: string;
    /** Leads to the notice's address, on the same line, e.g. 'Read the notice on the website:'. */
    read: string;
    why: string;
    /** Leads to the link to leave, on the same line, e.g. 'To stop getting messages:'. */
    leave: string;
    /** The words of the link to leave in the HTML part, e.g. 'Leave the newsletter'. */
    leaveLink: string;
  };
  notices: MailedNotice[];
}
