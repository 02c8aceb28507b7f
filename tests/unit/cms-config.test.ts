/**
 * The editor's configuration agrees with the zod schemas the build uses: the same required
 * fields, dates as date pickers written YYYY-MM-DD, times as HH:MM, the same choices, facts in
 * the Italian tab only; and what the editor checks before saving is what the build refuses.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { decapConfig, translatedFields } from '../../src/cms/decap-config';
import { problemsOf } from '../../src/cms/browser/entry-check';
import type { CmsField } from '../../src/cms/json-schema-fields';
import { eachCollection, type OneFileName } from '../../src/schemas/collections';

// Each file of the one-file collections with its one entry, `polo:`.
const entries = Object.fromEntries(
  eachCollection().flatMap((c) => (c.kind === 'one-file' ? [[c.name, ['polo']]] : [])),
) as Record<OneFileName, string[]>;
const config = decapConfig({ desks: ['lavoro'], entries }, { name: 'github', repo: 'polo/sito' });
const collection = (name: string) =>
  config.collections.find((c) => c.name === name) as { fields: CmsField[] };
const fileGroup = config.collections.find((c) => 'files' in c) as {
  name: string;
  files: { name: string; file: string; fields: CmsField[] }[];
};
const notices = collection('notices').fields;
const byName = (fields: CmsField[], name: string) =>
  fields.find((f) => f.name === name) as CmsField;

/** Every field of the configuration, nested ones included. */
function* allFields(fields: readonly CmsField[]): Generator<CmsField> {
  for (const field of fields) {
    yield field;
    if (Array.isArray(field['fields'])) yield* allFields(field['fields'] as CmsField[]);
  }
}

describe('the editor configuration', () => {
  it.each(eachCollection())('edits $name where the build reads it, or not at all', (c) => {
    const folder = config.collections.find((f) => f.name === c.name) as { folder?: string };
    const file = fileGroup.files.find((f) => f.name === c.name);
    if (c.kind === 'translated') expect(folder.folder).toBe(`content/${c.path}`);
    else expect(folder).toBeUndefined();
    if (c.kind === 'one-file') expect(file?.file).toBe(`content/${c.path}`);
    else expect(file).toBeUndefined();
  });

  it.each(eachCollection().filter((c) => c.kind === 'translated'))(
    'writes the facts of $name in the Italian tab only, its words in every tab',
    (c) => {
      const fields = collection(c.name).fields;
      const neutral = fields.filter((f) => f.i18n === false).map((f) => f.name);
      expect(neutral.sort()).toEqual([...c.languageNeutral].sort());
      expect(byName(fields, 'title').i18n).toBe(true);
      expect(byName(fields, 'body').i18n).toBe(true);
    },
  );

  it('gives every group of fields at least one field (Decap refuses an empty one)', () => {
    const groups = config.collections.flatMap((c) => {
      const own = (c as { fields?: CmsField[] }).fields ?? [];
      const files = ((c as { files?: { fields: CmsField[] }[] }).files ?? []).flatMap(
        (f) => f.fields,
      );
      return [...allFields([...own, ...files])];
    });
    const empty = groups.filter((f) => Array.isArray(f['fields']) && f['fields'].length === 0);
    expect(empty.map((f) => f.name)).toEqual([]);
  });

  it('asks for the venue in another script per language, each optional', () => {
    const place = (config.collections.find((c) => c.name === 'hours-and-place') as unknown) ?? {};
    const text = JSON.stringify(place);
    expect(text).toContain('"name":"venueInScript"');
    expect(text).toContain('"name":"ar","label":"العربية (ar)"');
  });

  it('lists the holidays for staff to add to, the name in other languages optional', () => {
    const file = fileGroup.files.find((f) => f.name === 'holidays');
    const list = byName((file?.fields[0]?.['fields'] ?? []) as CmsField[], 'holidays');
    expect(list.widget).toBe('list');
    const fields = list['fields'] as CmsField[];
    expect(byName(fields, 'name').required).toBe(true);
    expect(byName(fields, 'source').required).toBe(true);
    for (const rule of ['day', 'easter', 'date', 'fromYear', 'untilYear', 'names']) {
      expect(byName(fields, rule).required, rule).toBe(false);
    }
    // A holiday before Easter (Good Friday is -2) can be written.
    expect(byName(fields, 'easter')['min']).toBe(-60);
    expect(byName(fields, 'names').widget).toBe('optional-group');
  });

  it('requires what the notice schema requires, and no more', () => {
    const required = notices.filter((f) => f.required).map((f) => f.name);
    expect(required.sort()).toEqual([
      'lastReviewed',
      'published',
      'summary',
      'title',
      'translation',
    ]);
  });

  it('asks for every date with the browser’s own date field, which writes YYYY-MM-DD', () => {
    const dates = [...allFields(notices)].filter((f) => f.widget === 'calendar-day');
    expect(dates.map((f) => f.name).sort()).toEqual(['from', 'lastReviewed', 'published', 'to']);
    expect([...allFields(notices)].filter((f) => f.widget === 'datetime')).toEqual([]);
  });

  it('lets a notice leave its closure out, and asks for both days once one is written', () => {
    const closure = byName(notices, 'closure');
    expect(closure).toMatchObject({ widget: 'optional-group', required: false });
    const days = closure.fields as CmsField[];
    expect(days.map((f) => [f.name, f.required])).toEqual([
      ['from', true],
      ['to', true],
    ]);
  });

  it('starts a next timetable as a copy of the current one', () => {
    const hours = fileGroup.files.find((f) => f.name === 'hours');
    const polo = hours?.fields[0]?.fields as CmsField[];
    expect(byName(polo, 'next')).toMatchObject({
      widget: 'optional-group',
      required: false,
      copyOf: ['polo', 'weekly'],
    });
    const next = byName(polo, 'next').fields as CmsField[];
    expect(next.map((f) => f.name)).toEqual(['from', 'weekly']);
  });

  it('keeps the fields the site’s code writes, without showing them', () => {
    // The two fields as they will come: a translation's revision, the Italian's last change.
    const schema = z.strictObject({
      title: z.string().meta({ label: 'Titolo' }),
      summary: z.string().meta({ label: 'Riassunto' }),
      translationOf: z
        .string()
        .regex(/^[0-9a-f]{8}$/)
        .optional(),
      textChanged: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    });
    const fields = translatedFields('pages', schema);
    for (const name of ['translationOf', 'textChanged']) {
      expect(byName(fields, name)).toMatchObject({ widget: 'hidden', required: false });
    }
    expect(byName(fields, 'title').widget).toBe('string');
  });

  it('asks for times as HH:MM, and refuses 25:00', () => {
    const hours = fileGroup.files.find((f) => f.name === 'hours');
    const polo = hours?.fields[0]?.fields as CmsField[];
    const slots = byName(byName(polo, 'weekly').fields as CmsField[], 'slots').fields as CmsField[];
    const opens = byName(slots, 'opens').pattern?.[0] ?? '';
    expect(new RegExp(opens).test('09:00')).toBe(true);
    expect(new RegExp(opens).test('25:00')).toBe(false);
    expect(new RegExp(opens).test('9:00')).toBe(false);
  });

  it('writes facts in the Italian tab only, words in every tab', () => {
    const neutral = notices.filter((f) => f.i18n === false).map((f) => f.name);
    expect(neutral.sort()).toEqual(['activity', 'closure', 'newsletter', 'published']);
    expect(byName(notices, 'title').i18n).toBe(true);
  });

  it('asks for a recording in every language as an upload into content/recordings/', () => {
    for (const name of ['notices', 'activities', 'pages', 'programme']) {
      const fields = collection(name).fields;
      expect(byName(fields, 'recording')).toMatchObject({
        widget: 'file',
        media_folder: '/content/recordings',
        public_folder: '/audio',
        required: false,
        i18n: true,
      });
      expect(byName(fields, 'recordingOf')).toMatchObject({ widget: 'hidden', required: false });
    }
  });

  it('offers the desks that exist as the linked desk', () => {
    expect(byName(notices, 'activity')).toMatchObject({ widget: 'select', options: ['lavoro'] });
  });
});

describe('the check before saving', () => {
  const notice = {
    title: 'Chiuso',
    summary: 'Il Polo è chiuso.',
    body: 'Testo.',
    published: '2026-12-01',
    lastReviewed: '2026-12-01',
    translation: 'source',
    newsletter: false,
    activity: '',
  };
  const today = '2026-11-20';
  const entry = (data: Record<string, unknown>, ar: Record<string, unknown> = {}) =>
    problemsOf(
      { collection: 'notices', file: 'chiuso', data, translations: { ar, en: {} } },
      today,
    );

  it('refuses a holiday with two rules, or none, in Italian', () => {
    const holidays = (holiday: Record<string, unknown>) =>
      problemsOf(
        {
          collection: 'holidays-and-place',
          file: 'holidays',
          data: {
            polo: {
              lastReviewed: '2026-12-01',
              holidays: [{ name: 'Festa', source: 'Legge', easter: '', ...holiday }],
            },
          },
          translations: {},
        },
        today,
      ).problems;
    expect(holidays({ day: '10-04' })).toEqual([]);
    expect(holidays({ day: '10-04', date: '2027-10-04' })).toHaveLength(1);
    expect(holidays({})).toHaveLength(1);
  });

  it('accepts a closure that ends on or after its first day, and drops empty fields', () => {
    const result = entry({ ...notice, closure: { from: '2026-12-24', to: '2026-12-24' } });
    expect(result.problems).toEqual([]);
    expect(result.emptyPaths).toEqual([['activity']]);
  });

  it('refuses a closure that ends before it starts, in Italian', () => {
    const { problems } = entry({ ...notice, closure: { from: '2026-12-24', to: '2026-12-20' } });
    expect(problems).toEqual([
      'La chiusura finisce prima di cominciare: l’ultimo giorno (20/12/2026) viene prima del primo (24/12/2026).',
    ]);
  });

  it('saves a notice that announces no closure', () => {
    expect(entry({ ...notice, closure: { from: '', to: '' } })).toEqual({
      problems: [],
      doubts: [],
      emptyPaths: [['activity'], ['closure']],
    });
    expect(entry(notice).problems).toEqual([]);
  });

  it('asks for the other day of a closure with only one day written', () => {
    expect(entry({ ...notice, closure: { from: '2026-12-24', to: '' } }).problems).toEqual([
      'Chiusura: manca «Al giorno (compreso)»; scrivilo, oppure svuota tutto il gruppo.',
    ]);
  });

  it.each(eachCollection().filter((c) => c.kind !== 'ui-strings'))(
    'checks a $name entry with the schema the build uses',
    (c) => {
      const empty =
        c.kind === 'translated'
          ? { collection: c.name, file: 'nuovo', data: {}, translations: {} }
          : { collection: fileGroup.name, file: c.name, data: { polo: {} }, translations: {} };
      expect(problemsOf(empty, '2026-11-20').problems).not.toEqual([]);
    },
  );

  it('checks a translation with the facts it inherits, and leaves an empty tab alone', () => {
    const ar = {
      title: 'مغلق',
      summary: 'المركز مغلق.',
      lastReviewed: '2026-12-01',
      translation: 'machine',
    };
    expect(entry(notice, ar).problems).toEqual([]);
    expect(entry(notice, { ...ar, summary: '' }).problems).toEqual([
      'Traduzione in arabo: manca «Riassunto».',
    ]);
  });
});
