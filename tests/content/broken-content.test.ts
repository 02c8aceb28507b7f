/**
 * Each broken fixture must stop the build with a message that names the file and the field
 * and says what to write instead, in words an editor understands.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runAstro, withFixture } from './content-copy';
import { deskSlugs } from '../support/site-pages';

const cases: { fixture: string; file: string; says: string[]; never?: string[] }[] = [
  {
    fixture: 'missing-title',
    file: 'activities/it/lavoro.md',
    says: ['title', 'the title is missing'],
  },
  {
    fixture: 'wrong-type',
    file: 'activities/it/mentoring.md',
    says: ['order', 'order must be a whole number'],
  },
  {
    fixture: 'malformed-date',
    file: 'pages/it/privacy.md',
    says: ['lastReviewed', '2026-02-30 does not exist in the calendar'],
  },
  {
    fixture: 'bad-translation-status',
    file: 'pages/it/home.md',
    says: ['translation', 'the Italian original must say "source"'],
  },
  {
    fixture: 'time-out-of-range',
    file: 'hours.yaml',
    says: ['closes', 'write a time as HH:MM between 00:00 and 23:59'],
  },
  {
    fixture: 'closes-before-opens',
    file: 'hours.yaml',
    says: [
      '(weekly › wednesday › period 1 › closes)',
      'the closing time must come after the opening time',
    ],
  },
  {
    fixture: 'hours-recording-twice',
    file: 'hours.yaml',
    says: ['line 11', 'lang', 'a second recording in so: keep one per language'],
  },
  {
    fixture: 'unknown-weekday',
    file: 'hours.yaml',
    says: ['line 5 (weekly › lunedì › day)', 'write the day in English, lower case'],
  },
  {
    fixture: 'holiday-two-rules',
    file: 'holidays.yaml',
    says: ['date', 'give only one of day, easter and date; this holiday has day and date'],
  },
  {
    fixture: 'translation-without-original',
    file: 'activities/en/sportello-casa.md',
    says: ['has no Italian original', 'activities/it/sportello-casa.md'],
  },
  {
    fixture: 'folder-not-a-locale',
    file: 'activities/de/',
    says: ['"de" is not a language of the site'],
  },
  {
    fixture: 'notice-unknown-activity',
    file: 'notices/it/chiusura.md',
    // The desks that exist, whichever staff have.
    says: ['activity', 'no desk has this name; use one of:', ...deskSlugs],
  },
  {
    fixture: 'closure-ends-before-start',
    file: 'notices/it/chiusura.md',
    says: ['line 9 (closure › to)', 'the closure ends (to) before it starts (from)'],
  },
  {
    fixture: 'date-other-format',
    file: 'pages/it/privacy.md',
    says: ['(lastReviewed)', 'write a date as YYYY-MM-DD'],
    never: ['does not exist'],
  },
  {
    fixture: 'time-with-dot',
    file: 'hours.yaml',
    says: ['line 10 (weekly › wednesday › period 1 › opens)', 'write a time as HH:MM'],
    never: ['the closing time must come after the opening time'],
  },
  {
    fixture: 'yaml-syntax',
    file: 'activities/it/lavoro.md',
    says: ['line 3: the YAML is not valid here'],
  },
  {
    fixture: 'translation-fact-differs',
    file: 'notices/en/chiusura.md',
    says: [
      'line 6 (closure)',
      'from: 2099-12-01, to: 2099-12-11',
      'notices/it/chiusura.md (line 7)',
      'only in the Italian file',
    ],
  },
  {
    fixture: 'kind-unknown',
    file: 'activities/it/rete-prova.md',
    says: ['line 4 (kind)', 'kind must be desk', 'or network'],
  },
  {
    fixture: 'network-with-what-to-bring',
    file: 'activities/it/rete-prova.md',
    says: ['(whatToBring)', 'what to bring is for desks'],
  },
  {
    fixture: 'kind-in-translation',
    file: 'activities/en/rete-prova.md',
    says: ['line 4 (kind)', 'desk here, but network', 'activities/it/rete-prova.md (line 4)'],
  },
  {
    fixture: 'revision-in-original',
    file: 'pages/it/prova.md',
    says: ['line 6 (translationOf)', 'translationOf is for a translation', 'take it out'],
  },
  {
    fixture: 'text-changed-in-translation',
    file: 'pages/en/prova.md',
    says: ['line 6 (textChanged)', 'textChanged is for the Italian original'],
    never: ['pages/it/prova.md'],
  },
  {
    fixture: 'translation-date-format',
    file: 'activities/ar/sportello-prova.md',
    says: ['line 4 (lastReviewed): write a date as YYYY-MM-DD'],
  },
  {
    fixture: 'ui-key-missing',
    file: 'ui/fr.yaml',
    says: ['nav.hours', 'the text for "nav.hours" is missing'],
  },
];

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('broken content fails the build with a clear message', () => {
  it.each(cases)('$fixture', ({ fixture, file, says, never = [] }) => {
    const dir = withFixture(`tests/fixtures/broken/${fixture}`);
    copies.push(dir);
    const run = runAstro('sync', dir);
    expect(run.ok, run.output).toBe(false);
    expect(run.output).toContain(file);
    for (const words of says) expect(run.output).toContain(words);
    for (const words of never) expect(run.output).not.toContain(words);
    // The editor gets the message, not the insides of the build.
    expect(run.output).not.toContain('Stack trace');
    expect(run.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
