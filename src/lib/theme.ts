/** The site's colour: the browser's bar, the installed app's splash and its icons. */
export const themeColor = '#0b4f8a';
