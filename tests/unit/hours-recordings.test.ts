/**
 * The hours page's recordings: the revision of the timetables they speak (one function, for the
 * build and the editor), the schema's refusals, and the editor's save, which stamps a recording
 * attached or replaced with the timetables as they are and leaves an untouched one as it was.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hoursRevision } from '../../src/lib/hours-revision';
import { hoursSchema } from '../../src/schemas/content';
import { hoursFile, withHoursRecordings } from '../../src/cms/browser/hours-recordings';
import { keepFilesAsStaffLeftThem, type Implementation } from '../../src/cms/browser/persist';
import { decapConfig } from '../../src/cms/decap-config';
import type { CmsField } from '../../src/cms/json-schema-fields';

const weekly = [
  { day: 'monday', slots: [{ opens: '09:00', closes: '13:00' }] },
  { day: 'thursday', slots: [{ opens: '15:00', closes: '18:00' }] },
];
const next = { from: '2099-03-01', weekly: [weekly[0]] };

describe('the revision of the timetables', () => {
  it('is eight hex digits, the same however the keys are ordered or the day is read', () => {
    const revision = hoursRevision({ weekly, next });
    expect(revision).toMatch(/^[0-9a-f]{8}$/);
    const reordered = weekly.map(({ day, slots }) => ({
      slots: slots.map(({ opens, closes }) => ({ closes, opens })),
      day,
    }));
    expect(
      hoursRevision({ next: { ...next, from: new Date('2099-03-01') }, weekly: reordered }),
    ).toBe(revision);
  });

  it.each([
    [
      'an hour',
      { weekly: [{ ...weekly[0], slots: [{ opens: '09:00', closes: '12:00' }] }, weekly[1]], next },
    ],
    ['a day', { weekly: [weekly[0], { ...weekly[1], day: 'friday' }], next }],
    ['the next timetable’s first day', { weekly, next: { ...next, from: '2099-04-01' } }],
    ['the next timetable', { weekly, next: { ...next, weekly } }],
    ['no next timetable any more', { weekly }],
  ])('changes with %s', (_, changed) => {
    expect(hoursRevision(changed)).not.toBe(hoursRevision({ weekly, next }));
  });
});

const hours = (recordings: unknown) =>
  hoursSchema.safeParse({
    timeZone: 'Europe/Rome',
    lastReviewed: '2026-12-07',
    weekly,
    recordings,
  });
const messages = (recordings: unknown) =>
  (hours(recordings).error?.issues ?? []).map(
    (issue) => `${issue.path.join('.')}: ${issue.message}`,
  );

describe('the hours page’s recordings in hours.yaml', () => {
  it('takes one per language, each an Opus or MP3 file, and none at all', () => {
    expect(hours(undefined).success).toBe(true);
    const two = [
      { lang: 'so', recording: '/audio/orari-so.opus', recordingOf: 'ae81d75c' },
      { lang: 'si', recording: '/audio/orari-si.mp3' },
    ];
    expect(hours(two).data?.recordings).toEqual(two);
  });

  it.each([
    [
      'an unknown language',
      [{ lang: 'de', recording: '/audio/a.opus' }],
      "0.lang: lang must be one of the site's languages",
    ],
    [
      'two for one language',
      [
        { lang: 'so', recording: '/audio/a.opus' },
        { lang: 'so', recording: '/audio/b.mp3' },
      ],
      '1.lang: the hours page has a second recording in so: keep one per language',
    ],
    [
      'another format',
      [{ lang: 'so', recording: '/audio/a.wav' }],
      '0.recording: recording must be /audio/',
    ],
    [
      'a revision misspelt',
      [{ lang: 'so', recording: '/audio/a.opus', recordingOf: 'xyz' }],
      '0.recordingOf: recordingOf must be eight',
    ],
  ])('refuses %s, naming the field', (_, recordings, says) => {
    expect(messages(recordings).some((m) => m.startsWith(`recordings.${says}`))).toBe(true);
  });
});

/** hours.yaml as Decap writes it, with `recordings` under polo. */
const file = (week: unknown, recordings: unknown[]) =>
  `polo:\n  timeZone: Europe/Rome\n  weekly: ${JSON.stringify(week)}\n  recordings: ${JSON.stringify(recordings)}\n`;
const recordingsIn = (raw: string) =>
  (parse(raw) as { polo: { recordings: Record<string, string>[] } }).polo.recordings;

describe('a save of the hours form', () => {
  const revision = hoursRevision({ weekly });
  const before = file(weekly, [
    { lang: 'so', recording: '/audio/orari-so.opus', recordingOf: '0badcafe' },
  ]);

  it('stamps a recording attached now with the timetables as they are', () => {
    const saved = withHoursRecordings(
      file(weekly, [{ lang: 'ta', recording: '/audio/orari-ta.mp3' }]),
      undefined,
    );
    expect(recordingsIn(saved)).toEqual([
      { lang: 'ta', recording: '/audio/orari-ta.mp3', recordingOf: revision },
    ]);
  });

  it('stamps a replaced file anew, even when the form still holds the old revision', () => {
    const saved = withHoursRecordings(
      file(weekly, [{ lang: 'so', recording: '/audio/orari-so-2.opus', recordingOf: '0badcafe' }]),
      before,
    );
    expect(recordingsIn(saved)[0]?.['recordingOf']).toBe(revision);
  });

  it('keeps the revision of a recording left alone, so that a change of hours shows it out of date', () => {
    const changed = [{ ...weekly[0], slots: [{ opens: '10:00', closes: '13:00' }] }];
    const saved = withHoursRecordings(
      file(changed, [{ lang: 'so', recording: '/audio/orari-so.opus' }]),
      before,
    );
    expect(recordingsIn(saved)[0]?.['recordingOf']).toBe('0badcafe');
  });

  it('writes nothing of its own when the recording is taken out, or in a file it cannot read', () => {
    const none = file(weekly, []);
    expect(withHoursRecordings(none, before)).toBe(none);
    expect(withHoursRecordings('polo: [', before)).toBe('polo: [');
  });

  it('happens when the editor saves content/hours.yaml, comments kept', async () => {
    const files: Record<string, string> = { [hoursFile]: `# Italian time.\n${before}` };
    const implementation: Implementation = {
      getEntry: (path) => Promise.resolve({ data: files[path] ?? null }),
      persistEntry(entry) {
        for (const f of entry.dataFiles) files[f.path] = f.raw;
        return Promise.resolve(undefined);
      },
    };
    const backend = { init: () => implementation };
    keepFilesAsStaffLeftThem(backend, () => '2026-12-07');
    const written = file(weekly, [{ lang: 'so', recording: '/audio/orari-so-2.opus' }]);
    await backend
      .init()
      .persistEntry(
        { dataFiles: [{ path: hoursFile, raw: written }], assets: [] },
        { collectionName: 'hours-and-place' },
      );
    expect(files[hoursFile]).toMatch(/^# Italian time\./);
    expect(recordingsIn(files[hoursFile] ?? '')[0]).toEqual({
      lang: 'so',
      recording: '/audio/orari-so-2.opus',
      recordingOf: revision,
    });
  });
});

describe('the hours form', () => {
  const config = decapConfig(
    {
      desks: [],
      entries: { hours: ['polo'], holidays: ['polo'], place: ['polo'], partners: ['polo'] },
    },
    { name: 'github', repo: 'polo/sito' },
  );
  const group = config.collections.find((c) => 'files' in c) as {
    files: { name: string; fields: CmsField[] }[];
  };
  const polo = group.files.find((f) => f.name === 'hours')?.fields[0]?.fields as CmsField[];
  const list = polo.find((f) => f.name === 'recordings') as CmsField;
  const item = (name: string) => (list['fields'] as CmsField[]).find((f) => f.name === name);

  it('takes recordings as a list of a language, an upload into content/recordings/ and a hidden revision', () => {
    expect(list).toMatchObject({ widget: 'list' });
    expect(item('lang')).toMatchObject({ widget: 'select' });
    expect((item('lang')?.['options'] as { value: string }[]).map((o) => o.value)).toEqual([
      'it',
      'en',
      'fr',
      'ar',
      'si',
      'ta',
      'so',
    ]);
    expect(item('recording')).toMatchObject({
      widget: 'file',
      media_folder: '/content/recordings',
      public_folder: '/audio',
    });
    expect(item('recordingOf')).toMatchObject({ widget: 'hidden', required: false });
  });
});
