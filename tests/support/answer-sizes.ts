/**
 * What an HTML answer costs on the wire, status line and headers included: the first round
 * trip of a new connection carries about 14,600 B (10 TCP segments), so an answer that fits
 * shows its page without waiting for a second one. Counted from the raw bytes the server
 * sends, never from a client's decoded view of them.
 */
import { connect } from 'node:net';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { locales } from '../../src/lib/locales';

/** Bytes of an answer that fits the first round trip (10 segments of 1,460 B). */
export const firstRoundTrip = 14_600;

export const encodings = ['br', 'gzip'] as const;
export type Encoding = (typeof encodings)[number];

/** One request for an answer, e.g. the 404 in Arabic or a refused form. */
export interface AnswerRequest {
  /** What the answer is, e.g. '404' or 'problem'. */
  kind: string;
  path: string;
  method?: 'GET' | 'POST';
  /** A form body (application/x-www-form-urlencoded). */
  form?: string;
}

export interface Measured {
  request: AnswerRequest;
  encoding: Encoding;
  status: number;
  /** The status line and headers, with the blank line that ends them. */
  headBytes: number;
  bodyBytes: number;
  /** Everything sent: headBytes + bodyBytes. */
  bytes: number;
  contentEncoding: string | undefined;
  /** Every Content-Security-Policy header of the answer. */
  csp: string[];
}

/** The raw answer to one HTTP/1.1 request (the server closes after it). */
function rawAnswer(origin: string, request: AnswerRequest, encoding: Encoding): Promise<Buffer> {
  const { hostname, port } = new URL(origin);
  const body = request.form ?? '';
  const lines = [
    `${request.method ?? 'GET'} ${request.path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Accept: text/html',
    `Accept-Encoding: ${encoding}`,
    'Connection: close',
    ...(request.form
      ? ['Content-Type: application/x-www-form-urlencoded', `Content-Length: ${body.length}`]
      : []),
  ];
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () =>
      socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`),
    );
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', fail);
    socket.on('close', () => done(Buffer.concat(chunks)));
  });
}

/** Measures the answer of `origin` to `request`, asking for `encoding` only. */
export async function measure(
  origin: string,
  request: AnswerRequest,
  encoding: Encoding,
): Promise<Measured> {
  const raw = await rawAnswer(origin, request, encoding);
  const end = raw.indexOf('\r\n\r\n') + 4;
  const headLines = raw.subarray(0, end).toString('latin1').split('\r\n');
  const header = (name: string) =>
    headLines
      .filter((line) => line.toLowerCase().startsWith(`${name}:`))
      .map((line) => line.slice(name.length + 1).trim());
  return {
    request,
    encoding,
    status: Number(headLines[0]?.split(' ')[1]),
    headBytes: end,
    bodyBytes: raw.length - end,
    bytes: raw.length,
    contentEncoding: header('content-encoding')[0],
    csp: header('content-security-policy'),
  };
}

/** The answers over the first round trip, one line each; empty when all fit. */
export function overFirstRoundTrip(answers: Measured[]): string[] {
  return answers
    .filter((answer) => answer.bytes > firstRoundTrip)
    .map(
      ({ request, encoding, bytes, headBytes }) =>
        `${request.method ?? 'GET'} ${request.path} (${request.kind}, ${encoding}): ${bytes} B, ${headBytes} B of them head, budget ${firstRoundTrip}`,
    );
}

/** A body compressed as the build compresses pages (the highest levels). */
export function compressed(html: string, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
    : gzipSync(html, { level: 9 });
}

/** `answer` as if its page were `html`: same head, that body compressed. */
export function withBody(answer: Measured, html: string): Measured {
  const bodyBytes = compressed(html, answer.encoding).length;
  return { ...answer, bodyBytes, bytes: answer.headBytes + bodyBytes };
}

/**
 * The answers made on demand, in every language: the localized 404, the newsletter's confirm
 * and leave pages (as the links in its mails open them), its form sent back with a problem,
 * and the accessibility form sent back after a refused report.
 */
export const onDemandAnswers = (token: string): AnswerRequest[] =>
  locales.flatMap(({ code: lang }) => [
    { kind: '404', path: `/${lang}/no-such-page/` },
    { kind: 'confirm', path: `/${lang}/newsletter/confirm/?token=${token}` },
    { kind: 'leave', path: `/${lang}/newsletter/unsubscribe/?token=${token}` },
    {
      kind: 'problem',
      path: '/api/newsletter/subscribe',
      method: 'POST' as const,
      form: `email=not-an-address&consent=yes&lang=${lang}`,
    },
    {
      kind: 'refused report',
      path: '/api/accessibility/report',
      method: 'POST' as const,
      form: `report=${'x'.repeat(40)}&page=%2F${lang}%2F&email=a%40example.org&lang=${lang}`,
    },
  ]);
