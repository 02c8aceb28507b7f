/** QR codes made at build time, as SVG small enough to travel inside a page. */
import QRCode from 'qrcode';

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * An SVG QR code of `text` labelled for screen readers, e.g.
 * qrSvg('https://x/it/', 'Codice QR') => '<svg role="img" aria-label="Codice QR" viewBox=…>'.
 * The library draws each row of modules as one path (a few hundred bytes compressed); level M
 * survives a creased or smudged printout; the 4-module quiet zone is what scanners expect.
 */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return svg
    .trim()
    .replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(label)}" focusable="false" `);
}
