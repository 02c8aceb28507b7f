/**
 * `npm run content -- translations`: translators learn which translations say something else
 * than the Italian now, by language, with the day the Italian changed, and which are not
 * tracked; `--stamp` records the untracked ones as current by adding one line, nothing else.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textRevision } from '../../src/lib/text-revision';
import {
  readTranslations,
  translationsReport,
  withTranslationOf,
} from '../../src/cli/translations';

let content: string;

const write = (path: string, text: string) => {
  mkdirSync(dirname(join(content, path)), { recursive: true });
  writeFileSync(join(content, path), text);
};
const read = (path: string) => readFileSync(join(content, path), 'utf8');

/** A Markdown content file, e.g. md({ title: 'Lavoro', translation: 'source' }, 'Text'). */
const md = (fields: Record<string, string>, body: string, eol = '\n') =>
  ['---', ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), '---', '', body, ''].join(eol);

const deskBefore = { title: 'Lavoro', summary: 'Lo sportello.', body: 'Ti aiuta.' };
const common = { lastReviewed: '2026-11-27' };

beforeEach(() => {
  content = mkdtempSync(join(tmpdir(), 'polo-content-'));
  // A desk whose Italian text changed on 2026-12-01 after the English and Arabic were made.
  write(
    'activities/it/lavoro.md',
    md(
      {
        title: 'Lavoro',
        summary: 'Lo sportello.',
        order: '1',
        ...common,
        translation: 'source',
        textChanged: '2026-12-01',
      },
      'Ti aiuta a chiedere un prestito.',
    ),
  );
  for (const lang of ['ar', 'en']) {
    write(
      `activities/${lang}/lavoro.md`,
      md(
        {
          title: 'Work',
          summary: 'The desk.',
          ...common,
          translation: 'machine',
          translationOf: textRevision(deskBefore),
        },
        'It helps you.',
      ),
    );
  }
  // A page translated from its Italian words as they are, and one that does not say.
  const page = { title: 'Privacy', summary: 'I tuoi dati.', body: 'Non conserviamo niente.' };
  write(
    'pages/it/privacy.md',
    md({ title: page.title, summary: page.summary, ...common, translation: 'source' }, page.body),
  );
  write(
    'pages/fr/privacy.md',
    md(
      {
        title: 'Vie privée',
        summary: 'Tes données.',
        ...common,
        translation: 'machine',
        translationOf: textRevision(page),
      },
      'Rien.',
    ),
  );
  write(
    'pages/so/privacy.md',
    md({ title: 'Xog', summary: 'Xogtaada.', ...common, translation: 'machine' }, 'Waxba.', '\r\n'),
  );
  // A notice changed with no day recorded.
  write(
    'notices/it/chiusura.md',
    md({ title: 'Chiuso', summary: 'Il Polo chiude.', ...common, translation: 'source' }, 'Nuovo.'),
  );
  write(
    'notices/en/chiusura.md',
    md(
      {
        title: 'Closed',
        summary: 'The Polo closes.',
        ...common,
        translation: 'machine',
        translationOf: '0badc0de',
      },
      'Old.',
    ),
  );
});

afterEach(() => rmSync(content, { recursive: true, force: true }));

function command(...args: string[]) {
  const run = spawnSync(process.execPath, [resolve('src/cli/content.ts'), ...args], {
    encoding: 'utf8',
    cwd: content,
    env: { ...process.env, POLO_CONTENT_DIR: content },
  });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

describe('the state of each translation', () => {
  it('is read from the files: outdated, current or untracked, with the Italian change day', () => {
    const files = readTranslations(content, content);
    expect(files.map((f) => [f.lang, f.collection, f.file, f.state, f.changed])).toEqual([
      ['en', 'notices', 'notices/en/chiusura.md', 'outdated', undefined],
      ['en', 'activities', 'activities/en/lavoro.md', 'outdated', '2026-12-01'],
      ['fr', 'pages', 'pages/fr/privacy.md', 'current', undefined],
      ['ar', 'activities', 'activities/ar/lavoro.md', 'outdated', '2026-12-01'],
      ['so', 'pages', 'pages/so/privacy.md', 'untracked', undefined],
    ]);
  });

  it('is listed by language, outdated first with the day, then the untracked', () => {
    const report = translationsReport(readTranslations(content, content));
    const lines = report.split('\n');
    const at = (text: string) => lines.findIndex((line) => line.includes(text));
    expect(lines[0]).toContain('Outdated translations');
    expect(lines[0]).toContain('3');
    expect(lines[at('activities/en/lavoro.md')]).toMatch(/en\s+activities\s+\S+\s+.*2026-12-01/);
    expect(lines[at('notices/en/chiusura.md')]).toContain('no date given');
    expect(at('activities/en/lavoro.md')).toBeLessThan(at('activities/ar/lavoro.md'));
    expect(report).not.toContain('pages/fr/privacy.md');
    expect(at('Not tracked')).toBeGreaterThan(at('activities/ar/lavoro.md'));
    expect(at('pages/so/privacy.md')).toBeGreaterThan(at('Not tracked'));
  });

  it('says so when nothing is outdated or untracked', () => {
    expect(translationsReport([])).toContain('No outdated translations');
    expect(translationsReport([])).not.toContain('Not tracked');
  });
});

describe('npm run content', () => {
  it('lists the outdated translations of POLO_CONTENT_DIR and exits with 0', () => {
    const run = command('translations');
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/en\s+activities\s+activities\/en\/lavoro\.md\s+.*2026-12-01/);
    expect(run.out).toContain('pages/so/privacy.md');
  });

  it('refuses an unknown command with the usage and exit code 2', () => {
    const run = command('translate');
    expect(run.status).toBe(2);
    expect(run.err).toContain('unknown command "translate"');
    expect(run.err).toContain('Usage: npm run content -- <command>');
    expect(command().status).toBe(2);
  });

  it('stamps only the untracked translations, adding one line and changing nothing else', () => {
    const untouched = ['activities/en/lavoro.md', 'pages/fr/privacy.md', 'notices/en/chiusura.md'];
    const before = Object.fromEntries(untouched.map((path) => [path, read(path)]));
    const somali = read('pages/so/privacy.md');

    const run = command('translations', '--stamp');
    expect(run.status).toBe(0);
    expect(run.out).toContain('pages/so/privacy.md');

    const revision = textRevision({
      title: 'Privacy',
      summary: 'I tuoi dati.',
      body: 'Non conserviamo niente.',
    });
    expect(read('pages/so/privacy.md')).toBe(
      somali.replace(
        'translation: machine\r\n',
        `translation: machine\r\ntranslationOf: ${revision}\r\n`,
      ),
    );
    for (const path of untouched) expect(read(path), path).toBe(before[path]);
    const after = readTranslations(content, content);
    expect(after.find((f) => f.lang === 'so')?.state).toBe('current');
    expect(after.filter((f) => f.state === 'untracked')).toEqual([]);
  });
});

describe('the line a stamp adds', () => {
  it('goes after the translation status, or last among the fields', () => {
    expect(
      withTranslationOf(
        '---\ntitle: A\ntranslation: machine\nlastReviewed: x\n---\nB\n',
        'abcdef01',
      ),
    ).toBe(
      '---\ntitle: A\ntranslation: machine\ntranslationOf: abcdef01\nlastReviewed: x\n---\nB\n',
    );
    expect(withTranslationOf('---\ntitle: A\n---\ntranslation: in the text\n', 'abcdef01')).toBe(
      '---\ntitle: A\ntranslationOf: abcdef01\n---\ntranslation: in the text\n',
    );
  });
});
