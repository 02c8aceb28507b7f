/**
 * What a save records by itself in a translated entry: the Italian file the day its words
 * changed, a translation written now the revision of the Italian words it translates. A
 * translation the save leaves alone keeps its record, so an Italian edit makes it out of date.
 */
import { describe, expect, it } from 'vitest';
import type { FileMeaning } from '../../src/cms/browser/content-file';
import { recordsOf } from '../../src/cms/browser/translation-records';
import { textRevision } from '../../src/lib/text-revision';

const today = '2026-12-07';
const file = (data: Record<string, unknown>, body = 'Il testo.\n'): FileMeaning => ({
  data: { title: 'Lavoro', summary: 'Lo sportello ti aiuta.', translation: 'source', ...data },
  body,
});
const italianNow = file({ summary: 'Lo sportello ti sostiene.' });
const italianRevision = textRevision({
  title: 'Lavoro',
  summary: 'Lo sportello ti sostiene.',
  body: 'Il testo.\n',
});

describe('the Italian file of a save', () => {
  it('records today when its words changed', () => {
    const before = file({ textChanged: '2026-11-01' });
    expect(recordsOf({ lang: 'it', before, now: italianNow }, italianNow, today)).toEqual({
      textChanged: today,
      translationOf: undefined,
    });
  });

  it('records today when it is new', () => {
    expect(
      recordsOf({ lang: 'it', before: undefined, now: italianNow }, italianNow, today),
    ).toHaveProperty('textChanged', today);
  });

  it('keeps its day when only a fact changed', () => {
    const before = file({ textChanged: '2026-11-01', lastReviewed: '2026-11-01' });
    const now = file({ lastReviewed: '2026-12-07' });
    expect(recordsOf({ lang: 'it', before, now }, now, today)).toHaveProperty(
      'textChanged',
      '2026-11-01',
    );
  });

  it('keeps its day when the text is only spaced otherwise', () => {
    const before = file({ textChanged: '2026-11-01' }, 'Il testo.\n');
    const now = file({}, '\nIl testo.   \n\n');
    expect(recordsOf({ lang: 'it', before, now }, now, today).textChanged).toBe('2026-11-01');
  });

  it('keeps the day of the file, not an older one the editor still held', () => {
    const before = file({ textChanged: '2026-11-01' });
    const now = file({ textChanged: '2026-10-01' });
    expect(recordsOf({ lang: 'it', before, now }, now, today).textChanged).toBe('2026-11-01');
  });
});

describe('a translation in a save', () => {
  const arabic = (data: Record<string, unknown> = {}, body = 'النص.\n') =>
    file({ title: 'العمل', summary: 'المكتب يساعدك.', translation: 'machine', ...data }, body);

  it('records the revision of the Italian words as saved now when its words changed', () => {
    const before = arabic({ translationOf: '00000000' });
    const now = arabic({ summary: 'المكتب يدعمك.' });
    expect(recordsOf({ lang: 'ar', before, now }, italianNow, today)).toEqual({
      translationOf: italianRevision,
      textChanged: undefined,
    });
  });

  it('records it when the translation is new', () => {
    expect(
      recordsOf({ lang: 'ar', before: undefined, now: arabic() }, italianNow, today).translationOf,
    ).toBe(italianRevision);
  });

  it('keeps its old revision when its words did not change: an Italian edit leaves it behind', () => {
    const before = arabic({ translationOf: '00000000' });
    const now = arabic({ translationOf: '11111111' });
    expect(recordsOf({ lang: 'ar', before, now }, italianNow, today)).toEqual({
      translationOf: '00000000',
      textChanged: undefined,
    });
  });

  it('records it when a person marks it reviewed or checks it again, words unchanged', () => {
    const before = arabic({ translationOf: '00000000', lastReviewed: '2026-11-01' });
    for (const now of [
      arabic({ translation: 'reviewed', lastReviewed: '2026-11-01' }),
      arabic({ lastReviewed: '2026-12-07' }),
    ]) {
      expect(recordsOf({ lang: 'ar', before, now }, italianNow, today).translationOf).toBe(
        italianRevision,
      );
    }
  });

  it('records a change of its text as a change of its words', () => {
    const before = arabic({ translationOf: '00000000' });
    const now = arabic({}, 'نص آخر.\n');
    expect(recordsOf({ lang: 'ar', before, now }, italianNow, today).translationOf).toBe(
      italianRevision,
    );
  });
});

describe('a recording in a save', () => {
  const somali = (data: Record<string, unknown> = {}) =>
    file({ title: 'Shaqo', summary: 'Xafiisku wuu ku caawiyaa.', translation: 'machine', ...data });

  it('records the Italian words as saved now when a recording is attached', () => {
    const before = somali({ translationOf: '00000000' });
    const now = somali({ recording: '/audio/lavoro-so.opus' });
    expect(recordsOf({ lang: 'so', before, now }, italianNow, today).recordingOf).toBe(
      italianRevision,
    );
  });

  it('keeps its revision while the same file stays, so an Italian edit leaves it behind', () => {
    const before = somali({ recording: '/audio/lavoro-so.opus', recordingOf: '00000000' });
    const now = somali({
      recording: '/audio/lavoro-so.opus',
      summary: 'Xafiisku wuu ku taageeraa.',
    });
    expect(recordsOf({ lang: 'so', before, now }, italianNow, today).recordingOf).toBe('00000000');
  });

  it('records it again when the file is replaced, and drops it with the file', () => {
    const before = somali({ recording: '/audio/lavoro-so.opus', recordingOf: '00000000' });
    const replaced = somali({ recording: '/audio/lavoro-so-2.opus', recordingOf: '00000000' });
    expect(recordsOf({ lang: 'so', before, now: replaced }, italianNow, today).recordingOf).toBe(
      italianRevision,
    );
    expect(
      recordsOf({ lang: 'so', before, now: somali({ recordingOf: '00000000' }) }, italianNow, today)
        .recordingOf,
    ).toBeUndefined();
  });

  it('on the Italian file, records its own words', () => {
    const now = file({ summary: 'Lo sportello ti sostiene.', recording: '/audio/lavoro-it.mp3' });
    expect(recordsOf({ lang: 'it', before: file({}), now }, now, today).recordingOf).toBe(
      italianRevision,
    );
  });
});
