/**
 * Text put into HTML or XML, e.g. '<b> & "x"' => '&#60;b&#62; &#38; &#34;x&#34;': every
 * character that could open markup, an entity or close an attribute, as a numeric reference.
 */
export const escapeMarkup = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
