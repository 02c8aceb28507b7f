/**
 * The editor under `astro dev`, at the addresses the build gives it: `/admin/` is the page
 * (src/pages/admin/index.html.ts), `/admin/decap/*` Decap's files straight from node_modules,
 * and `/admin/polo-cms.js` src/cms/browser/polo-cms.ts compiled by Vite on each request, so an
 * edit shows on reload. Every answer under /admin/ carries the headers public/_headers gives it
 * in production, so a script the editor's CSP would block fails here first.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { headersFor, normalisedPath, parseHeadersFile } from '../server/http/headers-file.ts';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const editorScript = '/src/cms/browser/polo-cms.ts';

export function editorDevMiddleware(options: {
  /** The folder of Decap's files in node_modules, and the names the editor loads from it. */
  decapDist: string;
  decapFiles: () => string[];
  /** The site's public/_headers. */
  headersFile: string;
}): Middleware {
  const rules = parseHeadersFile(readFileSync(options.headersFile, 'utf8'));
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = normalisedPath(url.pathname);
    if (path !== '/admin' && !path.startsWith('/admin/')) return next();
    for (const [name, value] of headersFor(rules, path)) res.setHeader(name, value);

    // A static host answers a folder with its index.html; Astro's dev router does not.
    if (path === '/admin' || path === '/admin/') {
      req.url = `/admin/index.html${url.search}`;
    } else if (path === '/admin/polo-cms.js') {
      req.url = editorScript;
    } else if (path.startsWith('/admin/decap/')) {
      const name = path.slice('/admin/decap/'.length);
      if (!options.decapFiles().includes(name)) return next();
      res.setHeader(
        'Content-Type',
        name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript',
      );
      res.end(readFileSync(join(options.decapDist, name)));
      return;
    }
    next();
  };
}
