/**
 * Saves through the editor at /admin/ leave files as staff left them: an Italian typo fix
 * writes the Italian file alone, a changed opening time keeps every comment of hours.yaml, a
 * change undone writes nothing; and a translation written in the editor records which Italian
 * words it translates. Driven through the editor's own buttons, saving into a copy of the
 * content by `decap-server` (as `npx decap-server` on an editor's computer), with the test's
 * own files (tests/fixtures/admin-files/) put in that copy; every file is compared byte by byte
 * with the copy as it was before the save.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { startEditorCopy, type EditorCopy } from '../support/editor-copy';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { textRevision } from '../../src/lib/text-revision';

// Its own proxy port, so that this file and admin.spec.ts (PORT + 1000) run side by side.
const proxyPort = Number(process.env['PORT'] ?? 4321) + 1100;
const admin = `/admin/?proxy-port=${proxyPort}`;
const fixtures = resolve('tests/fixtures/admin-files');

let repo: string;
let copy: EditorCopy | undefined;

test.describe.configure({ mode: 'serial' });
test.use({ locale: 'it-IT' });

test.beforeAll(async () => {
  copy = await startEditorCopy('cms-files', proxyPort, fixtures);
  repo = copy.repo;
});

test.afterAll(() => copy?.stop());

/** Every file of the copy's content, by its path under content/, as bytes. */
function contentFiles(): Map<string, Buffer> {
  const root = join(repo, 'content');
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(root, path), readFileSync(path));
  }
  return files;
}

/** The paths whose bytes differ between two states of the content, added and removed ones too. */
function changedPaths(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => !before.get(path)?.equals(after.get(path) ?? Buffer.alloc(0)));
}

const fixture = (path: string) => readFileSync(join(fixtures, path), 'utf8');
const saved = (path: string) => readFileSync(join(repo, 'content', path), 'utf8');

/** Today in Italy, as the editor dates an Italian edit. */
const italianToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

/** The field labelled `label` in the pane of the language `lang` (Italian left, the other right). */
function field(page: Page, label: string, pane: 0 | 1) {
  return page.getByLabel(label, { exact: true }).nth(pane);
}

async function openEntry(page: Page, collection: string, entry: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(admin);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('link', { name: 'Avvisi' }).first()).toBeVisible();
  await page.goto(`${admin}#/collections/${collection}/entries/${entry}`);
}

/** "Pubblica → Pubblica ora", then wait until Decap says the entry is saved. */
async function publish(page: Page) {
  await page.getByRole('button', { name: 'Pubblica' }).click();
  await page.getByRole('menuitem', { name: 'Pubblica ora' }).click();
  await expect(page.getByText(/Voce (salvata|pubblicata)/)).toBeVisible({ timeout: 15_000 });
}

test('a one-word fix of an Italian summary writes the Italian file alone', async ({ page }) => {
  const before = contentFiles();
  const italian = fixture('activities/it/prova-parola.md');
  const summary = /^summary: (.*)$/m.exec(italian)?.[1] ?? '';
  const fixed = summary.replace('ti aiuta', 'ti guida');
  expect(fixed).not.toBe(summary);

  await openEntry(page, 'activities', 'prova-parola');
  await expect(field(page, 'Riassunto', 0)).toHaveValue(summary);
  await field(page, 'Riassunto', 0).fill(fixed);
  const day = italianToday();
  await publish(page);

  expect(changedPaths(before, contentFiles())).toEqual(['activities/it/prova-parola.md']);
  // The same file, but for the word and the day its words changed; comments and quotes kept.
  const days = new Set([day, italianToday()]);
  const expected = [...days].map((d) =>
    italian
      .replace(`summary: ${summary}`, `summary: ${fixed}`)
      .replace('translation: source\n---\n', `translation: source\ntextChanged: ${d}\n---\n`),
  );
  expect(expected).toContain(saved('activities/it/prova-parola.md'));
});

test('a changed opening time keeps every comment of hours.yaml', async ({ page }) => {
  const before = contentFiles();
  const hours = fixture('hours.yaml');

  await openEntry(page, 'hours-and-place', 'hours');
  // Monday's second period: 15:00–18:00.
  const closes = page.getByLabel('Chiude alle', { exact: true }).nth(1);
  await expect(closes).toHaveValue('18:00');
  await closes.fill('17:30');
  await publish(page);

  expect(changedPaths(before, contentFiles())).toEqual(['hours.yaml']);
  const after = saved('hours.yaml');
  for (const comment of hours.split('\n').filter((line) => line.includes('#'))) {
    expect(after.split('\n'), comment).toContain(comment.replace("'18:00'", "'17:30'"));
  }
  expect(after).toBe(
    hours.replace(
      "{ opens: '15:00', closes: '18:00' } # the long afternoon",
      "{ opens: '15:00', closes: '17:30' } # the long afternoon",
    ),
  );
});

test('an Arabic translation saved in the editor records the Italian words it translates', async ({
  page,
}) => {
  const before = contentFiles();
  const italianText = fixture('activities/it/prova-arabo.md');
  const [, frontmatter = '', body = ''] =
    /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(italianText) ?? [];
  const italian = parse(frontmatter) as { title: string; summary: string };
  const revision = textRevision({ title: italian.title, summary: italian.summary, body });
  const arabic = {
    title: 'مكتب للترجمة',
    summary: 'لهذا المكتب نص بالإيطالية والإنجليزية، والترجمة العربية تُكتب في الاختبار.',
    body: 'يستقبلك المكتب يوم الاثنين.',
  };

  await openEntry(page, 'activities', 'prova-arabo');
  await expect(field(page, 'Titolo', 0)).toHaveValue(italian.title);
  await page.getByRole('button', { name: /Scrivendo in EN/ }).click();
  await page.getByRole('menuitem', { name: 'AR' }).click();
  await field(page, 'Titolo', 1).fill(arabic.title);
  await field(page, 'Riassunto', 1).fill(arabic.summary);
  await page.locator('[data-slate-editor]').nth(1).click();
  await page.keyboard.type(arabic.body);
  await field(page, 'Ultima verifica', 1).fill('2026-12-01');
  await page.getByRole('combobox', { name: 'Stato della traduzione' }).selectOption('reviewed');
  await publish(page);

  // The Italian and English files are as they were: only the new translation is written.
  expect(changedPaths(before, contentFiles())).toEqual(['activities/ar/prova-arabo.md']);
  const written = saved('activities/ar/prova-arabo.md');
  expect(written).toContain(arabic.title);
  expect(written).toMatch(new RegExp(`^translationOf: '?${revision}'?$`, 'm'));
  expect(written).not.toMatch(/textChanged/);
});

test('a save that changes only spacing writes nothing, and the editor says saved', async ({
  page,
}) => {
  const before = contentFiles();
  await openEntry(page, 'activities', 'prova-spazi');
  await expect(field(page, 'Titolo', 0)).toHaveValue('Sportello degli spazi');
  // Blank lines after the Italian text: the editor sees a change, the file means the same.
  await page.getByRole('switch').first().click();
  const raw = page.locator('[data-slate-editor]').first();
  await raw.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Modifiche non salvate')).toBeVisible();
  await publish(page);
  expect(changedPaths(before, contentFiles())).toEqual([]);
});
