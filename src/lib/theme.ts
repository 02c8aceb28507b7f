/** The site's colour: the browser's bar, the installed app's splash and its icons. */
export const themeColor = '#0b4f8a';

/**
 * Colours of the mails, written inline (mail programs drop style sheets); their links and the
 * confirmation button are in `themeColor`.
 */
export const mailColors = {
  paper: '#ffffff',
  ink: '#1a1a1a',
  /** Small print: the site's name above a notice, why the mail came. */
  muted: '#444444',
  rule: '#cccccc',
  /** Behind the lines saying a mail is machine-translated, or a notice not translated yet. */
  untranslated: '#f2f2f2',
  /** Behind the dates a notice says the Polo is closed. */
  closure: '#eef4fa',
  /** Words on `themeColor`, e.g. the confirmation button's. */
  onTheme: '#fff',
} as const;
