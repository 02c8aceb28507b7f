/** What the share block sends: a short plain-text message and the links that carry it. */

/** Text without the Unicode isolates that HTML needs and chat apps may show as boxes. */
export function plainText(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '');
}

export interface ShareMessage {
  /** The page's name, e.g. the desk's title: 'Lavoro'. */
  name: string;
  /** The Polo's name. */
  site: string;
  /** Where and when, for a place people visit; none for a page about something else. */
  visit?: {
    /** Where, in one line, e.g. 'Dove: Comune dei Popoli, Siracusa.' */
    place: string;
    /** The opening hours in one line, in the page's language. */
    hours: string;
  };
}

/**
 * The message without its link, one fact a line, e.g. 'Lavoro – Polo Sociale Integrato di
 * Siracusa\nDove: Comune dei Popoli, Siracusa.\nOrari: lunedì, … 18:00'.
 * Lines keep each language's direction apart when the message mixes scripts.
 */
export function shareText({ name, site, visit }: ShareMessage): string {
  const lines = [`${name} – ${site}`, ...(visit ? [visit.place, visit.hours] : [])];
  return plainText(lines.join('\n'));
}

/** A WhatsApp link that opens the app with `text` ready to send to a chosen contact. */
export function whatsappHref(text: string, url: string): string {
  return `https://wa.me/?text=${encodeURIComponent(`${text}\n${url}`)}`;
}
