/**
 * The editor at /admin/ in local mode, as a member of staff uses it: a closure notice written
 * in Italian with an Arabic translation, saved through the editor's own buttons into a copy of
 * the content (by `decap-server`, as `npx decap-server` does on an editor's computer); then
 * that copy is built and the closure must be everywhere a reader looks. Then a notice with no
 * closure, and a next timetable that closes days, saved only once staff confirm. Dates are
 * typed on the keyboard, as staff type them, and the files must hold exactly what was typed.
 * The screenshots of the staff guide (docs/img/) are taken on the way, so they always show the
 * editor as it is, and the closure follows the guide's numbered steps one to one.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { startEditorCopy, type EditorCopy } from '../support/editor-copy';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { runAstro } from '../content/content-copy';
import { addDays } from '../../src/lib/calendar-days';
import { holidayDatesOf } from '../support/content-facts';
import { italianDay } from '../../src/lib/hours/schedule';
import { localeCodes } from '../../src/lib/locales';
import { statusSpanDays } from '../../src/page-data/status-span';

const proxyPort = Number(process.env['PORT'] ?? 4321) + 1000;
const admin = `/admin/?proxy-port=${proxyPort}`;
const shots = resolve('docs/img');

/** YYYY-MM-DD of a day, counted in UTC (the dates are calendar days, not instants). */
const iso = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A closure from a Monday to the Friday, in a week after the one the test runs in (the build
 * lists closures from its own day on), whose Wednesday is no public holiday and falls inside
 * the days the built status line carries, so that the line can tell it.
 */
function closureWeek(today = new Date()) {
  const monday = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 7),
  );
  monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7));
  const holidays = holidayDatesOf();
  // A day short of the span: the build's day is Italy's, which may be a day ahead of UTC.
  const lastCarried = addDays(iso(today), statusSpanDays - 2);
  for (;;) {
    const wednesday = new Date(monday.getTime() + 2 * 86_400_000);
    if (iso(wednesday) > lastCarried) {
      throw new Error(`No Wednesday without a holiday until ${lastCarried}: widen the search.`);
    }
    if (!(iso(wednesday) in holidays)) {
      return {
        from: iso(monday),
        to: iso(new Date(monday.getTime() + 4 * 86_400_000)),
        wednesday: iso(wednesday),
      };
    }
    monday.setUTCDate(monday.getUTCDate() + 7);
  }
}

const week = closureWeek();
const italian = {
  title: 'Chiuso per lavori di manutenzione',
  summary: 'Il Polo resta chiuso per una settimana per lavori nella sede.',
  body: 'Per urgenze rivolgersi ai servizi sociali del Comune.',
};
const arabic = {
  title: 'مغلق لأعمال الصيانة',
  summary: 'يبقى المركز مغلقًا لمدة أسبوع بسبب أعمال في المقر.',
  body: 'للحالات العاجلة يرجى التوجه إلى الخدمات الاجتماعية في البلدية.',
};
const slug = 'chiuso-per-lavori-di-manutenzione';

let repo: string;
let copy: EditorCopy | undefined;

test.describe.configure({ mode: 'serial' });
// An Italian office's browser: the days named in Italian in the screenshots of the guide.
test.use({ locale: 'it-IT' });

/**
 * The numbered steps of a task of the staff guide, one line each, e.g. the section
 * '## Pubblicare una chiusura con la traduzione in arabo' => ['Sotto **Raccolte** premi…', …].
 */
function guideSteps(task: string): string[] {
  const guide = readFileSync('docs/guida-redazione.md', 'utf8');
  const section = guide.split(/^## /m).find((part) => part.startsWith(`${task}\n`));
  if (!section) throw new Error(`the staff guide has no task «${task}»`);
  return [...section.matchAll(/^(\d+)\. (.*(?:\n {3}.*)*)/gm)].map(([, n, text], index) => {
    if (Number(n) !== index + 1) throw new Error(`«${task}»: step ${n} comes ${index + 1}th`);
    return (text ?? '').replace(/\s+/g, ' ');
  });
}

/**
 * The test's side of a task of the guide: `step(3, 'Titolo')` says the next actions are the
 * guide's step 3, which must name «Titolo»; `done()` is the numbers gone through, in order.
 */
function following(task: string) {
  const steps = guideSteps(task);
  const gone: number[] = [];
  return {
    steps,
    step: (n: number, words: string) => {
      expect(steps[n - 1], `step ${n} of «${task}» in the staff guide`).toContain(words);
      gone.push(n);
    },
    done: () => gone,
  };
}

test.beforeAll(async () => {
  copy = await startEditorCopy('cms', proxyPort, resolve('tests/fixtures/editor'));
  repo = copy.repo;
});

test.afterAll(() => copy?.stop());

async function shot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

/** The field labelled `label` in the pane of the language `lang` (Italian left, the other right). */
function field(page: Page, label: string, pane: 0 | 1) {
  return page.getByLabel(label, { exact: true }).nth(pane);
}

/** Today in Italy, as the editor's "Oggi" writes it. */
const today = () => italianDay(Date.now()).iso;

/** 12/01/2027 for 2027-01-12: how the editor names a date to staff. */
const shortDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The order in which this browser's date fields take the day, the month and the year: it
 * follows the browser's language (24/12/2026 in an Italian one, 12/24/2026 in an American one).
 * Learnt by typing into a date field of its own.
 */
async function dateOrder(page: Page): Promise<'dmy' | 'mdy'> {
  await page.evaluate(() => {
    const probe = document.createElement('input');
    probe.type = 'date';
    probe.id = 'date-order-probe';
    document.body.append(probe);
  });
  const probe = page.locator('#date-order-probe');
  await probe.focus();
  await page.keyboard.type('01022003');
  const value = await probe.inputValue();
  await probe.evaluate((input) => input.remove());
  if (value === '2003-02-01') return 'dmy';
  if (value === '2003-01-02') return 'mdy';
  throw new Error(
    `this browser's date fields take the parts of a date in another order (${value})`,
  );
}

/** Types a date into a date field key by key, in the browser's order, the year digit by digit. */
async function typeDate(page: Page, input: Locator, iso: string) {
  const [year, month, day] = iso.split('-') as [string, string, string];
  const order = await dateOrder(page);
  await input.focus();
  await page.keyboard.type(order === 'dmy' ? day + month + year : month + day + year);
  await expect(input).toHaveValue(iso);
}

/**
 * Buttons of the editor whose name (what a screen reader reads) is in English: Decap shows its
 * English where its Italian lacks a phrase ("Set lastReviewed to now", "Expand").
 */
async function englishButtons(page: Page): Promise<string[]> {
  const names = await page
    .getByRole('button')
    .evaluateAll((buttons) =>
      buttons.map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()),
    );
  return names.filter((name) =>
    /\b(set|now|expand|collapse|toggle|close|save|delete|add|clear|publish|field)\b/i.test(name),
  );
}

/** Presses "Pubblica → Pubblica ora". */
async function publish(page: Page) {
  await page.getByRole('button', { name: 'Pubblica', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Pubblica ora' }).click();
}

/**
 * The questions the editor asks (the browser's confirm), answered in turn from `answers`, e.g.
 * [false, true]: no to the first, yes to the second; none left means no.
 */
function questionsAsked(page: Page, answers: boolean[] = []): string[] {
  const asked: string[] = [];
  page.on('dialog', async (dialog) => {
    asked.push(dialog.message());
    await (answers.shift() ? dialog.accept() : dialog.dismiss());
  });
  return asked;
}

test('a closure notice written in the editor reaches every page of a build', async ({ page }) => {
  // A whole build of the copy is part of it: minutes on a busy machine.
  test.setTimeout(240_000);
  const asked = questionsAsked(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(admin);
  await expect(page.getByRole('button', { name: 'Accedi' })).toBeVisible();
  await shot(page, '01-accesso');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('link', { name: 'Avvisi' }).first()).toBeVisible();
  await shot(page, '02-raccolte');

  // The guide's task, step by step, as a member of staff alone does it.
  const { steps, step, done } = following('Pubblicare una chiusura con la traduzione in arabo');
  step(1, '**Avvisi**');
  await page.getByRole('link', { name: 'Avvisi' }).first().click();
  step(2, '**Avvisi**');
  await page
    .getByRole('link', { name: /Nuovo|Crea/ })
    .first()
    .click();
  await expect(field(page, 'Titolo', 0)).toBeVisible();
  expect(await englishButtons(page)).toEqual([]);
  step(3, '**Titolo**');
  await field(page, 'Titolo', 0).fill(italian.title);
  step(4, '**Riassunto**');
  await field(page, 'Riassunto', 0).fill(italian.summary);
  step(5, '**Testo**');
  await page.locator('[data-slate-editor]').first().click();
  await page.keyboard.type(italian.body);
  step(6, '**Ultima verifica**');
  await page.getByRole('button', { name: 'Oggi, Ultima verifica' }).first().click();
  step(7, '**Data di pubblicazione**');
  await page.getByRole('button', { name: 'Oggi, Data di pubblicazione' }).first().click();
  step(8, '**Dal giorno**');
  await typeDate(page, field(page, 'Dal giorno', 0), week.from);
  step(9, '**Al giorno (compreso)**');
  await typeDate(page, field(page, 'Al giorno (compreso)', 0), week.to);

  step(10, '**Scrivendo in EN**');
  await page.getByRole('button', { name: /Scrivendo in EN/ }).click();
  // Every language of the site but Italian, by its code.
  for (const code of localeCodes.filter((code) => code !== 'it')) {
    await expect(page.getByRole('menuitem', { name: code.toUpperCase() })).toBeVisible();
  }
  await shot(page, '03-lingue');
  step(11, '**AR**');
  await page.getByRole('menuitem', { name: 'AR' }).click();
  step(12, '**Titolo**');
  await field(page, 'Titolo', 1).fill(arabic.title);
  step(13, '**Riassunto**');
  await field(page, 'Riassunto', 1).fill(arabic.summary);
  step(14, '**Testo**');
  await page.locator('[data-slate-editor]').nth(1).click();
  await page.keyboard.type(arabic.body);
  step(15, '**Ultima verifica**');
  await page.getByRole('button', { name: 'Oggi, Ultima verifica' }).nth(1).click();
  // The status is left as it shows: a translation no person has checked yet.
  const status = page.getByRole('combobox', { name: 'Stato della traduzione' });
  await expect(status).toHaveValue('machine');
  await status.scrollIntoViewIfNeeded();
  await shot(page, '04-traduzione');

  // Off the guide's steps: a closure that ends before it starts is refused before anything
  // is written, in one Italian sentence, as the guide shows; then the right days again.
  await typeDate(page, field(page, 'Dal giorno', 0), week.to);
  await typeDate(page, field(page, 'Al giorno (compreso)', 0), week.from);
  await publish(page);
  const refusal = page.getByText(/La chiusura finisce prima di cominciare/);
  await expect(refusal).toHaveText(
    `Non salvato. La chiusura finisce prima di cominciare: l’ultimo giorno (${shortDate(week.from)}) viene prima del primo (${shortDate(week.to)}).`,
  );
  // The message slides in from the side: whole before it is photographed.
  await expect(refusal).toBeInViewport({ ratio: 1 });
  await shot(page, '05-errore-chiusura');
  expect(existsSync(join(repo, 'content/notices/it', `${slug}.md`))).toBe(false);
  // Read, the message is closed with a click, as staff do before trying again.
  await refusal.click();
  await expect(refusal).toBeHidden();
  await typeDate(page, field(page, 'Dal giorno', 0), week.from);
  await typeDate(page, field(page, 'Al giorno (compreso)', 0), week.to);

  step(16, '**Pubblica**');
  await page.getByRole('button', { name: 'Pubblica', exact: true }).click();
  step(17, '**Pubblica ora**');
  await page.getByRole('menuitem', { name: 'Pubblica ora' }).click();
  await expect
    .poll(() => existsSync(join(repo, 'content/notices/ar', `${slug}.md`)), { timeout: 15_000 })
    .toBe(true);
  await shot(page, '06-avviso-salvato');
  // Every step of the guide, once, in its order, and no other.
  expect(done()).toEqual(steps.map((_, index) => index + 1));

  // The same editor on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${admin}#/collections/notices/entries/${slug}`);
  await page.reload();
  await expect(page.getByLabel('Titolo', { exact: true }).first()).toHaveValue(italian.title);
  await shot(page, '07-telefono');

  // Italian: the words and the facts; Arabic: words only, which the build completes.
  const it = readFileSync(join(repo, 'content/notices/it', `${slug}.md`), 'utf8');
  const ar = readFileSync(join(repo, 'content/notices/ar', `${slug}.md`), 'utf8');
  expect(it).toContain(italian.title);
  expect(it).toMatch(/translation: source/);
  // Exactly the days typed, the year included.
  expect(it).toMatch(new RegExp(`from: '?${week.from}'?\n`));
  expect(it).toMatch(new RegExp(`to: '?${week.to}'?\n`));
  expect(it).toMatch(new RegExp(`published: '?${today()}'?\n`));
  expect(ar).toContain(arabic.title);
  expect(ar).toMatch(/translation: machine/);
  expect(ar).not.toMatch(/closure|published|newsletter|activity/);
  // Tabs left empty write nothing: English and French fall back to Italian.
  expect(existsSync(join(repo, 'content/notices/en', `${slug}.md`))).toBe(false);
  expect(existsSync(join(repo, 'content/notices/fr', `${slug}.md`))).toBe(false);
  expect(asked).toEqual([]);

  const build = runAstro('build', repo);
  expect(build.ok, build.output).toBe(true);
  const client = join(repo, 'dist/client');
  const built = (path: string) => readFileSync(join(client, path), 'utf8');
  expect(built('it/avvisi/index.html')).toContain(italian.title);
  expect(built('it/orari/index.html')).toContain(italian.title);
  expect(built('ar/orari/index.html')).toContain(arabic.title);
  expect(built('it/rss.xml')).toContain(italian.title);
  expect(built('ar/rss.xml')).toContain(arabic.title);
  // The calendar file leaves the closed days out of the weekly openings.
  const wednesday = week.wednesday.replaceAll('-', '');
  // Unfolded first: with more closed days the EXDATE line folds at 75 octets (RFC 5545).
  const ics = built('it/orari.ics').replace(/\r\n /g, '');
  expect(ics).toMatch(new RegExp(`EXDATE[^\\n]*${wednesday}T090000`));

  // The status line of every language, on the Wednesday of the closure at 10:00 or 11:00 in
  // Italy (winter or summer time; the fixture's Wednesday opens 09:00–13:00), reads the built copy's own pages and scripts.
  await page.route('http://copia.test/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = join(client, path.endsWith('/') ? `${path}index.html` : path);
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
    await route.fulfill({
      status: existsSync(file) ? 200 : 404,
      contentType: types[extname(file)] ?? 'application/octet-stream',
      body: existsSync(file) ? readFileSync(file) : '',
    });
  });
  await page.clock.install({ time: new Date(`${week.wednesday}T10:00:00+01:00`) });
  // Only the Arabic translation was written; every other language shows the Italian title.
  for (const [lang, title] of localeCodes.map((code) => [
    code,
    code === 'ar' ? arabic.title : italian.title,
  ])) {
    await page.goto(`http://copia.test/${lang}/orari/`);
    const status = page.locator('[data-hours-status]').first();
    await expect(status, lang).toHaveAttribute('data-state', 'closed');
    expect((await status.textContent())?.replace(/[\u2068\u2069]/g, ''), lang).toContain(title);
  }
});

test('a notice that announces no closure saves, its translation with the status it shows', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const asked = questionsAsked(page);
  const news = {
    slug: 'nuovi-orari-dello-sportello-lavoro',
    title: 'Nuovi orari dello sportello lavoro',
    summary: 'Lo sportello lavoro riceve anche il giovedì.',
    arabic: 'مواعيد جديدة لمكتب العمل',
  };
  // Published two days ago, typed as staff type it.
  const published = addDays(today(), -2);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(admin);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('link', { name: 'Avvisi' }).first().click();
  await page
    .getByRole('link', { name: /Nuovo|Crea/ })
    .first()
    .click();
  await field(page, 'Titolo', 0).fill(news.title);
  await field(page, 'Riassunto', 0).fill(news.summary);
  await page.locator('[data-slate-editor]').first().click();
  await page.keyboard.type(news.summary);
  await page.getByRole('button', { name: 'Oggi, Ultima verifica' }).first().click();
  await typeDate(page, field(page, 'Data di pubblicazione', 0), published);
  // The closure is left as it is: empty.

  await page.getByRole('button', { name: /Scrivendo in EN/ }).click();
  await page.getByRole('menuitem', { name: 'AR' }).click();
  await field(page, 'Titolo', 1).fill(news.arabic);
  await field(page, 'Riassunto', 1).fill(news.arabic);
  await page.getByRole('button', { name: 'Oggi, Ultima verifica' }).nth(1).click();
  // The status is not touched: what it shows is what is saved.
  const status = page.getByRole('combobox', { name: 'Stato della traduzione' });
  await expect(status).toHaveValue('machine');

  await publish(page);
  const file = (lang: string) => join(repo, `content/notices/${lang}`, `${news.slug}.md`);
  await expect.poll(() => existsSync(file('ar')), { timeout: 15_000 }).toBe(true);
  const it = readFileSync(file('it'), 'utf8');
  expect(it).not.toMatch(/closure|from:|to:/);
  expect(it).toMatch(new RegExp(`published: '?${published}'?\n`));
  expect(readFileSync(file('ar'), 'utf8')).toMatch(/translation: machine/);
  expect(asked).toEqual([]);
});

test('a next timetable starts as the current one, and one that closes days saves only once confirmed', async ({
  page,
}) => {
  test.setTimeout(60_000);
  // The current timetable of this test, not the Polo's: Monday, Wednesday and Thursday.
  const hoursFile = join(repo, 'content/hours.yaml');
  const morning = [{ opens: '09:00', closes: '13:00' }];
  const fixture = `polo:
  timeZone: Europe/Rome
  lastReviewed: ${today()}
  weekly:
    - { day: monday, slots: [{ opens: '09:00', closes: '13:00' }] }
    - { day: wednesday, slots: [{ opens: '09:00', closes: '13:00' }] }
    - { day: thursday, slots: [{ opens: '09:00', closes: '13:00' }] }
  openOn: []
`;
  writeFileSync(hoursFile, fixture);
  const from = addDays(today(), 40);
  // No to the first question, yes to the second.
  const asked = questionsAsked(page, [false, true]);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${admin}#/collections/hours-and-place/entries/hours`);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('button', { name: /Prepara il prossimo orario/ }).click();
  const next = page.locator('[id^="next-field"]');
  await typeDate(page, next.getByLabel('Dal giorno', { exact: true }), from);
  // Decap's list items, each a day with its "Giorno" choice (the class is Decap's own).
  const days = next
    .locator('[class*="listControlItem"]')
    .filter({ has: page.getByRole('combobox', { name: 'Giorno' }) });
  await expect(days).toHaveCount(3);
  await expect(days.nth(0)).toContainText('lunedì');
  // Only Tuesday: Monday becomes Tuesday, Wednesday and Thursday go (the item's last button).
  await days.nth(0).getByRole('combobox', { name: 'Giorno' }).click();
  await page.getByRole('option', { name: 'martedì', exact: true }).click();
  for (const index of [2, 1]) {
    await days.nth(index).locator(':scope > div').first().getByRole('button').last().click();
  }
  await expect(days).toHaveCount(1);
  expect(await englishButtons(page)).toEqual([]);
  // The preview shows both weeks in Italian, the days that close marked.
  const preview = page.locator('iframe').first().contentFrame();
  await expect(preview.getByRole('table').nth(1)).toContainText('chiuso (oggi aperto)');
  await shot(page, '08-prossimo-orario');

  const question = `Dal ${shortDate(from)} il Polo risulterà chiuso lunedì, mercoledì e giovedì, che oggi sono aperti. Salvare comunque?`;
  await publish(page);
  await expect(page.getByText(/Nulla è stato scritto/)).toBeVisible();
  expect(asked).toEqual([question]);
  expect(readFileSync(hoursFile, 'utf8')).toBe(fixture);

  await publish(page);
  await expect.poll(() => readFileSync(hoursFile, 'utf8'), { timeout: 15_000 }).toContain('next:');
  expect(asked).toEqual([question, question]);
  const saved = parse(readFileSync(hoursFile, 'utf8')) as { polo: Record<string, unknown> };
  const week = (days: string[]) => days.map((day) => ({ day, slots: morning }));
  expect(saved.polo['weekly']).toEqual(week(['monday', 'wednesday', 'thursday']));
  expect(saved.polo['next']).toEqual({ from, weekly: week(['tuesday']) });
});
