/** How long a recording plays, in words of the page's language, decided at build time. */

/**
 * e.g. durationText(205, 'it-IT') => '3 minuti e 25 secondi', (40, 'so-SO') => '40 ilbiriqsi'.
 * Whole seconds; the build's Intl has every language's words, whatever the reader's browser has.
 */
export function durationText(seconds: number, intl: string): string {
  const whole = Math.max(1, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return new Intl.DurationFormat(intl, { style: 'long' }).format({
    ...(minutes > 0 ? { minutes } : {}),
    ...(rest > 0 || minutes === 0 ? { seconds: rest } : {}),
  });
}
