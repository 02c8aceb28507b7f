/**
 * What the editor says to staff before a save: Italian sentences naming fields by their labels
 * (never a field's key, a path, a schema term, "Error" or the build's English message), dates
 * that are slips refused or asked about, a next timetable that closes open days asked about,
 * and a "no" that saves nothing. Fixtures only, with a fixed today.
 */
import { describe, expect, it } from 'vitest';
import en from 'decap-cms-locales/dist/esm/en/index.js';
import decapItalian from 'decap-cms-locales/dist/esm/it/index.js';
import { beforeSave } from '../../src/cms/browser/before-save';
import type { ImmutableMap } from '../../src/cms/browser/decap';
import { daysTheNextCloses, nextTimetableDoubt } from '../../src/cms/browser/doubts';
import { problemsOf, type CmsEntry } from '../../src/cms/browser/entry-check';
import { periodsOf } from '../../src/cms/browser/hours-preview';
import { italianPhrases, withPhrases, type Phrases } from '../../src/cms/browser/italian-phrases';
import { dateInWords, shortDate, StaffMessage } from '../../src/cms/browser/messages';
import { isBlank } from '../../src/cms/browser/optional-group';
import { settledStatus } from '../../src/cms/browser/translation-status';
import { jsonSchemaOf } from '../../src/cms/json-schema-fields';
import { addDays } from '../../src/lib/calendar-days';
import { italianDay } from '../../src/lib/hours/schedule';
import { eachCollection, schemaOf } from '../../src/schemas/collections';

const today = '2026-11-20';

const notice = {
  title: 'Chiuso',
  summary: 'Il Polo è chiuso.',
  body: 'Testo.',
  published: '2026-11-20',
  lastReviewed: '2026-11-20',
  translation: 'source',
  newsletter: false,
};
const slots = [
  { opens: '09:00', closes: '13:00' },
  { opens: '15:00', closes: '18:00' },
];
const weekly = [
  { day: 'monday' as const, slots },
  { day: 'wednesday' as const, slots },
  { day: 'thursday' as const, slots },
];
const hours = { timeZone: 'Europe/Rome', lastReviewed: '2026-11-20', weekly, openOn: [] };

const noticeEntry = (
  data: Record<string, unknown>,
  ar: Record<string, unknown> = {},
): CmsEntry => ({
  collection: 'notices',
  file: 'avviso',
  data: { ...notice, ...data },
  translations: { ar },
});
const fileEntry = (file: string, value: Record<string, unknown>): CmsEntry => ({
  collection: 'hours-and-place',
  file,
  data: { polo: value },
  translations: {},
});
const check = (entry: CmsEntry) => problemsOf(entry, today);

/** Entries staff could save by mistake, each wrong in its own way. */
const wrongEntries: [string, CmsEntry][] = [
  ['an empty notice', { collection: 'notices', file: 'x', data: {}, translations: {} }],
  ['a closure without its first day', noticeEntry({ closure: { to: '2026-12-24' } })],
  [
    'a closure that ends before it starts',
    noticeEntry({ closure: { from: '2026-12-24', to: '2026-12-20' } }),
  ],
  [
    'a closure of a day that does not exist',
    noticeEntry({ closure: { from: '2026-02-30', to: '2026-03-02' } }),
  ],
  ['a date written the Italian way', noticeEntry({ published: '24/12/2026' })],
  ['an unknown translation status', noticeEntry({ translation: 'ok' })],
  [
    'an Arabic tab without its status',
    noticeEntry({}, { title: 'مغلق', summary: 'مغلق.', lastReviewed: today }),
  ],
  [
    'an Arabic tab without its summary',
    noticeEntry({}, { title: 'مغلق', lastReviewed: today, translation: 'machine' }),
  ],
  ['a field nobody knows', noticeEntry({ colour: 'rosso' })],
  [
    'a time written with a dot',
    fileEntry('hours', {
      ...hours,
      weekly: [{ day: 'monday', slots: [{ opens: '9.00', closes: '13:00' }] }],
    }),
  ],
  [
    'a period closing before it opens',
    fileEntry('hours', {
      ...hours,
      weekly: [{ day: 'monday', slots: [{ opens: '13:00', closes: '09:00' }] }],
    }),
  ],
  [
    'periods that overlap',
    fileEntry('hours', {
      ...hours,
      weekly: [
        {
          day: 'monday',
          slots: [
            { opens: '09:00', closes: '13:00' },
            { opens: '12:00', closes: '18:00' },
          ],
        },
      ],
    }),
  ],
  [
    'a day misspelt',
    fileEntry('hours', {
      ...hours,
      weekly: [{ day: 'lunedi', slots: [{ opens: '13:00', closes: '09:00' }] }],
    }),
  ],
  [
    'a day listed twice',
    fileEntry('hours', {
      ...hours,
      weekly: [
        { day: 'monday', slots },
        { day: 'monday', slots },
      ],
    }),
  ],
  [
    'a day without periods',
    fileEntry('hours', { ...hours, weekly: [{ day: 'monday', slots: [] }] }),
  ],
  ['a week without days', fileEntry('hours', { ...hours, weekly: [] })],
  ['a next timetable without its day', fileEntry('hours', { ...hours, next: { weekly } })],
  [
    'a next timetable with an empty week',
    fileEntry('hours', { ...hours, next: { from: '2027-01-12', weekly: [] } }),
  ],
  ['a time zone changed', fileEntry('hours', { ...hours, timeZone: 'Europe/London' })],
  [
    'a partner with an unknown role',
    fileEntry('partners', { name: 'CPIA', role: 'amico', lastReviewed: today }),
  ],
  [
    'a place with a wrong e-mail',
    fileEntry('place', { venue: 'Comune', city: 'Siracusa', email: 'polo@', lastReviewed: today }),
  ],
  [
    'a desk at position 1.5',
    {
      collection: 'activities',
      file: 'lavoro',
      data: {
        title: 'Lavoro',
        summary: 'Lavoro.',
        lastReviewed: today,
        translation: 'source',
        order: 1.5,
      },
      translations: {},
    },
  ],
  ['a year typed wrong', noticeEntry({ lastReviewed: '0202-11-20' })],
];

const wrong = (name: string) => new Map(wrongEntries).get(name) as CmsEntry;

/** The keys of every field of every schema, e.g. 'lastReviewed', 'closure', 'opens'. */
const fieldKeys = new Set<string>();
for (const c of eachCollection()) {
  if (c.kind === 'ui-strings') continue;
  const walk = (schema: ReturnType<typeof jsonSchemaOf>) => {
    for (const [key, inner] of Object.entries(schema.properties ?? {})) {
      fieldKeys.add(key);
      walk(inner);
      if (inner.items) walk(inner.items);
    }
  };
  walk(jsonSchemaOf(schemaOf(c.name, ['lavoro'])));
}

describe('every message of the check', () => {
  it.each(wrongEntries)('says what is wrong with %s, in Italian staff words', (_, entry) => {
    const { problems } = check(entry);
    expect(problems.length).toBeGreaterThan(0);
    for (const sentence of problems) {
      expect(sentence).toMatch(/^[A-ZÀ-Ú«].*[.?]$/s);
      expect(sentence).not.toMatch(/error|errore|schema|undefined|null|\[|›|\bpath\b/i);
      // The build's own messages are English: none of their words passes through.
      expect(sentence).not.toMatch(
        /\b(the|must|is|are|missing|expected|received|invalid|write|one of|does not|listed)\b/i,
      );
      // Fields by their labels, never by their keys (which are English words: from, to, opens).
      const words = sentence.replace(/Europe\/Rome/, '').split(/[^A-Za-zÀ-ú]+/);
      expect(words.filter((word) => fieldKeys.has(word))).toEqual([]);
    }
  });

  it('names the day and the period of a timetable, not their positions', () => {
    const [overlap] = check(wrong('periods that overlap')).problems;
    expect(overlap).toBe(
      'Lunedì: le fasce orarie si sovrappongono; mettile in ordine, prima la mattina e poi il pomeriggio.',
    );
    const [closing] = check(wrong('a period closing before it opens')).problems;
    expect(closing).toBe('Lunedì, fascia 1: «Chiude alle» deve venire dopo l’ora di apertura.');
    const [twice] = check(wrong('a day listed twice')).problems;
    expect(twice).toBe('Lunedì compare due volte; lascialo una volta sola.');
  });

  it('asks for the missing day of a next timetable within it', () => {
    expect(check(wrong('a next timetable without its day')).problems).toEqual([
      'Prossimo orario: manca «Dal giorno»; scrivilo, oppure svuota tutto il gruppo.',
    ]);
  });

  it('asks an Arabic tab with words for its status, in Italian', () => {
    expect(check(wrong('an Arabic tab without its status')).problems).toEqual([
      'Traduzione in arabo: scegli «Stato della traduzione».',
    ]);
  });
});

describe('dates that are most likely a slip', () => {
  it('refuses a year before 2000, as Decap’s date field saved 1906 for 2026', () => {
    const { problems } = check(noticeEntry({ published: '1906-12-24' }));
    expect(problems).toEqual(['«Data di pubblicazione» dice 24/12/1906: controlla l’anno.']);
  });

  it('asks before a date more than a year ahead, and not before one within the year', () => {
    const far = check(noticeEntry({ closure: { from: '2027-11-10', to: '2027-12-24' } }));
    expect(far.problems).toEqual([]);
    expect(far.doubts).toEqual([
      'Chiusura: «Al giorno (compreso)» è il 24/12/2027, più di un anno da oggi.',
    ]);
    expect(
      check(noticeEntry({ closure: { from: '2027-11-01', to: '2027-11-20' } })).doubts,
    ).toEqual([]);
  });

  it('asks before a closure whose last day is past', () => {
    const { doubts } = check(noticeEntry({ closure: { from: '2026-11-02', to: '2026-11-19' } }));
    expect(doubts).toEqual([
      'L’ultimo giorno della chiusura, 19/11/2026, è già passato: sul sito la chiusura non comparirà.',
    ]);
    expect(check(noticeEntry({ closure: { from: '2026-11-02', to: today } })).doubts).toEqual([]);
  });
});

describe('a next timetable', () => {
  const onlyTuesday = {
    ...hours,
    next: { from: '2027-01-12', weekly: [{ day: 'tuesday', slots }] },
  };

  it('that closes days open today is asked about, naming the days', () => {
    expect(daysTheNextCloses(onlyTuesday)).toEqual(['monday', 'wednesday', 'thursday']);
    expect(check(fileEntry('hours', onlyTuesday))).toMatchObject({
      problems: [],
      doubts: [
        'Dal 12/01/2027 il Polo risulterà chiuso lunedì, mercoledì e giovedì, che oggi sono aperti.',
      ],
    });
  });

  it('that keeps every open day saves without a question', () => {
    const more = {
      ...hours,
      next: { from: '2027-01-12', weekly: [...weekly, { day: 'friday', slots }] },
    };
    expect(check(fileEntry('hours', more))).toMatchObject({ problems: [], doubts: [] });
    const one = { ...hours, next: { from: '2027-01-12', weekly: weekly.slice(1) } };
    expect(nextTimetableDoubt(one)).toBe(
      'Dal 12/01/2027 il Polo risulterà chiuso lunedì, che oggi è aperto.',
    );
  });

  it('is shown day by day in the preview, in Italian', () => {
    expect(periodsOf(weekly, 'monday')).toBe('09:00–13:00 e 15:00–18:00');
    expect(periodsOf(weekly, 'tuesday')).toBe('');
  });
});

/** Just enough of an Immutable Map for the preSave step: the entry Decap hands over. */
function fakeEntry(value: Record<string, unknown>): ImmutableMap {
  const map: ImmutableMap = {
    get: (key) => {
      const inner = value[key];
      return typeof inner === 'object' && inner !== null && !Array.isArray(inner)
        ? fakeEntry(inner as Record<string, unknown>)
        : inner;
    },
    getIn: () => undefined,
    set: () => map,
    clear: () => fakeEntry({}),
    size: Object.keys(value).length,
    deleteIn: (path) => {
      const copy = structuredClone(value);
      let parent: Record<string, unknown> = copy;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
      delete parent[String(path.at(-1))];
      return fakeEntry(copy);
    },
    toJS: () => structuredClone(value),
  };
  return map;
}

describe('the step before saving', () => {
  // It reads the clock: the next timetable starts a month after the day the test runs.
  const from = addDays(italianDay(Date.now()).iso, 30);
  const onlyTuesday = { ...hours, next: { from, weekly: [{ day: 'tuesday', slots }] } };
  const hoursEntry = fakeEntry({
    collection: 'hours-and-place',
    slug: 'hours',
    data: { polo: onlyTuesday },
  });

  it('saves a half timetable only after a yes, and nothing after a no', () => {
    const asked: string[] = [];
    const no = (question: string) => (asked.push(question), false);
    const refusal = (() => {
      try {
        beforeSave({ entry: hoursEntry }, no);
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(StaffMessage);
    // Decap shows the error as text: the sentence alone, no "Error:".
    expect(String(refusal)).toBe('Nulla è stato scritto: correggi e pubblica di nuovo.');
    expect(asked).toEqual([
      `Dal ${shortDate(from)} il Polo risulterà chiuso lunedì, mercoledì e giovedì, che oggi sono aperti. Salvare comunque?`,
    ]);
    const saved = beforeSave({ entry: hoursEntry }, () => true);
    expect(saved.toJS()).toEqual({ polo: onlyTuesday });
  });

  it('refuses with the sentences alone, one per line', () => {
    const entry = fakeEntry({
      collection: 'notices',
      slug: 'x',
      data: { ...notice, title: '', closure: { from: '2026-12-24', to: '2026-12-20' } },
    });
    expect(() => beforeSave({ entry }, () => true)).toThrow(StaffMessage);
    try {
      beforeSave({ entry }, () => true);
    } catch (error) {
      expect(String(error).split('\n')).toEqual([
        'Manca «Titolo».',
        'La chiusura finisce prima di cominciare: l’ultimo giorno (20/12/2026) viene prima del primo (24/12/2026).',
      ]);
    }
  });

  it('drops a closure left empty and saves the notice', () => {
    const entry = fakeEntry({
      collection: 'notices',
      slug: 'x',
      data: { ...notice, published: today, closure: { from: '', to: '' } },
    });
    expect(beforeSave({ entry }, () => false).toJS()).toEqual({ ...notice, published: today });
  });
});

describe('the editor’s widgets', () => {
  it('give a translation tab with words a real status, and leave an empty one without', () => {
    expect(settledStatus('ar', undefined, true)).toBe('machine');
    expect(settledStatus('ar', 'reviewed', true)).toBe('reviewed');
    expect(settledStatus('ar', undefined, false)).toBeUndefined();
    expect(settledStatus('it', undefined, false)).toBe('source');
  });

  it('leave out a next timetable emptied of its day and its week', () => {
    const emptied = check(fileEntry('hours', { ...hours, next: { from: '', weekly: [] } }));
    expect(emptied).toEqual({ problems: [], doubts: [], emptyPaths: [['polo', 'next']] });
  });

  it('count a group of empty fields as not written', () => {
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank({ from: '', to: '' })).toBe(true);
    expect(isBlank({ from: '', weekly: [] })).toBe(true);
    expect(isBlank({ from: '2026-12-24', to: '' })).toBe(false);
  });

  it('write dates as staff read them', () => {
    expect(shortDate('2027-01-12')).toBe('12/01/2027');
    expect(dateInWords('2026-12-24')).toBe('giovedì 24 dicembre 2026');
  });
});

describe('the editor’s interface', () => {
  /** The keys of a tree of phrases, e.g. 'ui.toast.onFailToPersist'. */
  const keysOf = (phrases: Phrases, prefix = ''): string[] =>
    Object.entries(phrases).flatMap(([key, value]) =>
      typeof value === 'string' ? [prefix + key] : keysOf(value, `${prefix}${key}.`),
    );
  const italian = withPhrases(decapItalian, italianPhrases);

  it('has every phrase of Decap’s English in Italian, so none shows in English', () => {
    const missing = keysOf(en).filter((key) => !keysOf(italian).includes(key));
    expect(missing).toEqual([]);
  });

  it('speaks of no schema and shows the check’s sentences alone', () => {
    const text = JSON.stringify(italian);
    expect(text).not.toMatch(/schema/i);
    const toast = (italian['ui'] as Phrases)['toast'] as Phrases;
    expect(toast['onFailToPersist']).toBe('Non salvato. %{details}');
  });
});
