/**
 * The W3C's HTML checker (the Nu Html Checker, run locally with Java) over a build folder: the
 * errors it finds are the ones browsers and assistive technology guess their way around,
 * differently from one another.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { promisify } from 'node:util';
import { htmlFiles } from './html-files';

const jar = createRequire(import.meta.url)('vnu-jar') as string;

interface Message {
  type: 'error' | 'info' | 'non-document-error';
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/**
 * The one message the checker gets wrong: the HTML standard lets `blocking="render"` go with
 * `rel="expect"` (Chromium 124 and later hold the first frame until `#main` begins, see
 * BaseLayout.astro); the checker still allows `blocking` only on stylesheets.
 */
const checkerLag = (m: Message) =>
  m.message.includes('“blocking” attribute') &&
  /<link rel="expect" href="#main" blocking="render">/.test(m.extract ?? '');

/**
 * The checker's errors on every page under `client`, as 'it/orari/index.html:12: message';
 * and whether it read every page: it meets the exception above once on each page that has it.
 */
export async function htmlErrors(client: string): Promise<{ errors: string[]; readAll: boolean }> {
  // The checker writes its report to stderr and exits 1 when it finds an error.
  const { stderr } = await promisify(execFile)(
    'java',
    ['-jar', jar, '--format', 'json', '--errors-only', '--skip-non-html', client],
    { maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stderr?: string; message: string }) => {
    if (error.stderr === undefined) throw new Error(`The checker did not run: ${error.message}`);
    return { stderr: error.stderr };
  });
  const { messages } = JSON.parse(stderr) as { messages: Message[] };
  const errors = messages
    .filter((m) => !checkerLag(m))
    .map((m) => `${relative(client, new URL(m.url).pathname)}:${m.lastLine ?? '?'}: ${m.message}`);
  const withExpect = htmlFiles(client).filter((file) =>
    readFileSync(file, 'utf8').includes('<link rel="expect"'),
  );
  const readAll = withExpect.length > 0 && messages.filter(checkerLag).length === withExpect.length;
  return { errors, readAll };
}
