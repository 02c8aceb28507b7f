/** Request checks shared by the newsletter and accessibility-report routes. */

/**
 * True for a browser request sent from another site. Browsers send `Sec-Fetch-Site` and
 * `Origin` with every POST; mail providers' one-click unsubscribe sends neither and is let through.
 * The site's own origin is its public address (`siteUrl`), which behind an HTTPS proxy is not
 * the address the server itself sees; the latter counts too, for local use.
 */
export function isCrossSite(request: Request, url: URL, siteUrl: string): boolean {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = request.headers.get('origin');
  return origin !== null && origin !== url.origin && origin !== new URL(siteUrl).origin;
}

/**
 * The client's network address: the socket's, or behind a trusted reverse proxy the last
 * X-Forwarded-For entry (the one the proxy added; earlier ones are the client's to invent).
 */
export function clientAddress(
  request: Request,
  socketAddress: string,
  trustProxy: boolean,
): string {
  if (!trustProxy) return socketAddress;
  const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return forwarded || socketAddress;
}

export type BodyType = 'form' | 'json';

/** The body's kind from Content-Type, e.g. 'application/json; charset=utf-8' => 'json'. */
export function bodyType(request: Request): BodyType | undefined {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'application/json') return 'json';
  return undefined;
}

/**
 * The body as text, read up to `max` bytes. `whole` is false when it is longer: `text` is then
 * its first `max` bytes (the rest is left unread), so that the form can still be given back.
 */
export async function readLimited(
  request: Request,
  max: number,
): Promise<{ text: string; whole: boolean }> {
  if (!request.body) return { text: '', whole: true };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > max) {
      chunks.push(value.subarray(0, max - size));
      await reader.cancel();
      return { text: new TextDecoder().decode(Buffer.concat(chunks)), whole: false };
    }
    size += value.byteLength;
    chunks.push(value);
  }
  return { text: new TextDecoder().decode(Buffer.concat(chunks)), whole: true };
}

/** Whether the caller wants JSON back (the page's script) rather than a page (a plain form). */
export function wantsJson(request: Request, type?: BodyType): boolean {
  return type === 'json' || (request.headers.get('accept') ?? '').includes('application/json');
}
