/**
 * Imports go one way: a file imports its own layer or one below, never one above, so that
 * pure logic stays pure, browser code stays small, and the server never needs the pages.
 * Type-only imports count too: they tie the files together all the same.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkLayers,
  projectFiles,
  specifiersOf,
  type LayerRule,
  type Violation,
} from '../support/layers';

const lib = 'src/lib/';
const schemas = 'src/schemas/';
const i18n = 'src/i18n/';
const loaders = 'src/loaders/';
const images = 'src/images/';
const pageData = 'src/page-data/';
const scripts = 'src/scripts/';
const styles = 'src/styles/';
const components = 'src/components/';
const layouts = 'src/layouts/';
const cms = 'src/cms/';
const core = 'src/server/core/';
const mail = 'src/server/mail/';
const forms = 'src/server/forms/';
const newsletter = 'src/server/newsletter/';
const reports = 'src/server/reports/';
const http = 'src/server/http/';
const jobs = 'src/server/jobs/';
const settings = 'src/settings/';
const words = [lib, schemas, i18n];
const views = [...words, images, pageData, scripts, styles, components, layouts];

/**
 * The layers, from the bottom up. No server part imports components, layouts, pages, scripts,
 * cms or integrations; the server's core imports no other server part.
 */
const houseLayers: LayerRule[] = [
  { layer: lib, mayImport: [], says: 'pure domain logic, nothing of the project outside it' },
  { layer: schemas, mayImport: [lib], says: 'the shape of content and UI strings' },
  { layer: i18n, mayImport: [lib, schemas], says: 'words in the reader’s language' },
  {
    layer: settings,
    mayImport: [lib],
    says: 'every setting read from the environment, declared once',
  },
  { layer: loaders, mayImport: [lib, schemas, settings], says: 'the build-time content loader' },
  { layer: images, mayImport: [lib, 'public/'], says: 'build-time image makers' },
  { layer: 'public/', mayImport: [], says: 'files served as they are' },
  { layer: styles, mayImport: [], says: 'the site’s CSS' },
  {
    layer: pageData,
    mayImport: [...words, images, loaders],
    says: 'what a page reads from content in a language',
  },
  { layer: scripts, mayImport: [lib, i18n], says: 'browser scripts: logic and words only' },
  { layer: 'src/sw/', mayImport: [lib, i18n], says: 'the service worker, bundled on its own' },
  { layer: cms, mayImport: words, says: 'the editor’s configuration and browser code' },
  {
    layer: core,
    mayImport: [lib, schemas, settings],
    says: 'what every server part uses, below them all',
  },
  { layer: mail, mayImport: [...words, core], says: 'mail every server part sends' },
  {
    layer: forms,
    // Answers speak the reader's language: the UI strings are page data.
    mayImport: [...words, settings, pageData, core, mail],
    says: 'what every form does with a post',
  },
  {
    layer: newsletter,
    mayImport: [...words, pageData, core, mail, forms],
    says: 'the newsletter, a server part beside the reports, not above them',
  },
  {
    layer: reports,
    mayImport: [...words, pageData, core, mail, forms],
    says: 'the accessibility reports, a server part beside the newsletter, not above it',
  },
  {
    layer: jobs,
    mayImport: [lib, core, mail, newsletter, reports],
    says: 'work the server does after an answer or on a timer',
  },
  {
    layer: http,
    // It runs the scheduled jobs on its timer, as a Netlify schedule does the same run.
    mayImport: [lib, settings, core, jobs],
    says: 'the Node server: serves the built site and runs the jobs',
  },
  {
    layer: 'src/cli/',
    mayImport: [...words, settings, core, mail, forms, newsletter, reports],
    says: 'the operator commands, run by Node: server parts, never the site',
  },
  {
    layer: 'netlify/',
    // Netlify's own files: the scheduled jobs (functions/) and the local server of the build.
    mayImport: [lib, settings, core, mail, jobs],
    says: 'what Netlify runs beside the site: server parts, never the site',
  },
  {
    layer: 'src/integrations/',
    mayImport: [...words, http],
    says: 'build steps, run by Node beside the site, never part of it',
  },
  {
    layer: components,
    mayImport: [...views, forms, newsletter, reports],
    says: 'pieces of pages',
  },
  { layer: layouts, mayImport: [...views, forms, newsletter, reports], says: 'page frames' },
  {
    layer: 'src/pages/',
    mayImport: [...views, cms, settings, core, mail, forms, jobs, newsletter, reports],
    says: 'the site’s addresses, the top of the site',
  },
  {
    layer: 'src/middleware.ts',
    mayImport: [...words, pageData, core, forms, newsletter, reports],
    says: 'what every request passes through',
  },
  {
    layer: 'src/content.config.ts',
    mayImport: [lib, schemas, loaders],
    says: 'the content collections',
  },
  {
    layer: 'src/env.d.ts',
    mayImport: [...words, forms, newsletter, reports],
    says: 'the types of what a request carries',
  },
];

/**
 * Imports today's code makes against the rules above, to be moved, not allowed: the server's
 * core reaches up into the newsletter and the reports (type Subscriber, the email check, the
 * mail sender and the housekeeping), and the reports borrow the newsletter's mail, day and
 * form checks, which belong in core, mail or forms. Fixing one fails the last test below,
 * until its line goes.
 */
const knownBreaks: string[] = [];

const root = fileURLToPath(new URL('../..', import.meta.url));
const edge = ({ file, target }: Violation) => `${file} -> ${target}`;

describe('imports go down the layers', () => {
  const violations = checkLayers(projectFiles(root, ['src', 'netlify']), houseLayers);

  it('hold for every file of src/ and netlify/, but for the known breaks', () => {
    const found = violations.filter((violation) => !knownBreaks.includes(edge(violation)));
    expect(found.map(({ message }) => message)).toEqual([]);
  });

  it('are still broken where the list says: a fixed import leaves the list', () => {
    const edges = new Set(violations.map(edge));
    expect(knownBreaks.filter((known) => !edges.has(known))).toEqual([]);
  });
});

describe('the check', () => {
  it('names the file, the import and the rule it breaks', () => {
    const files = new Map([
      ['src/lib/x.ts', "import { openDatabase } from '../server/core/db.ts';\n"],
      ['src/server/core/db.ts', 'export const openDatabase = () => {};\n'],
    ]);
    expect(checkLayers(files, houseLayers).map(({ message }) => message)).toEqual([
      "src/lib/x.ts imports '../server/core/db.ts' (src/server/core/db.ts, layer src/server/core/), " +
        'but src/lib/ may import only src/lib/: pure domain logic, nothing of the project outside it',
    ]);
  });

  it('reads every kind of import, in .ts and .astro files, and resolves it', () => {
    const files = new Map([
      [
        'src/lib/all.ts',
        [
          "import { a } from './a';",
          "import type { B } from '../server/core/b.ts';",
          "export { c } from '../server/core/c';",
          "export * from '../server/core/d.ts';",
          "import '../styles/e.css';",
          "const f = await import('../server/core/f.ts');",
          "let g: import('../server/core/g').G;",
          "import h from '../../public/h.svg?raw';",
          'const notAnImport = "import x from \'../server/core/x\'";',
          "// import y from '../server/core/y';",
          "import { z } from 'zod';",
        ].join('\n'),
      ],
      ['src/lib/a.ts', ''],
      ['src/server/core/c.ts', ''],
      ['src/server/core/g/index.ts', ''],
      [
        'src/scripts/page.astro',
        [
          '---',
          "import { one } from '../server/core/one';",
          '---',
          "<p>import two from '../server/core/two'</p>",
          '<script type="application/ld+json" set:html={x} />',
          '<script>',
          "  import { three } from '../server/core/three';",
          '</script>',
        ].join('\n'),
      ],
    ]);
    expect(
      checkLayers(files, houseLayers).map(({ file, target }) => `${file} -> ${target}`),
    ).toEqual([
      'src/lib/all.ts -> src/server/core/b.ts',
      'src/lib/all.ts -> src/server/core/c.ts',
      'src/lib/all.ts -> src/server/core/d.ts',
      'src/lib/all.ts -> src/styles/e.css',
      'src/lib/all.ts -> src/server/core/f.ts',
      'src/lib/all.ts -> src/server/core/g/index.ts',
      'src/lib/all.ts -> public/h.svg',
      'src/scripts/page.astro -> src/server/core/one',
      'src/scripts/page.astro -> src/server/core/three',
    ]);
    expect(specifiersOf('src/lib/all.ts', files.get('src/lib/all.ts') ?? '')).toHaveLength(9);
  });

  it('fails a file no rule holds', () => {
    const files = new Map([['src/elsewhere/x.ts', '']]);
    expect(checkLayers(files, houseLayers).map(({ message }) => message)).toEqual([
      'src/elsewhere/x.ts: no layer rule holds this file; add one saying what it may import',
    ]);
  });
});
