/**
 * A translation is out of date once the Italian words it was made from change, and only then;
 * the footer of a translation states its own date, whatever happens to the Italian file.
 */
import { describe, expect, it } from 'vitest';
import { textRevision } from '../../src/lib/text-revision';
import { outdatedTranslation, translationState } from '../../src/lib/translation-state';
import { reviewOf } from '../../src/lib/translations';

const before = { title: 'Lavoro', summary: 'Lo sportello del lavoro.', body: 'Ti aiuta.\n' };
const after = { ...before, body: 'Ti aiuta a chiedere un prestito.\n' };

describe('the state of a translation', () => {
  it('is current while the Italian words are those it was made from', () => {
    expect(translationState(textRevision(before), before)).toBe('current');
  });

  it('is outdated once the Italian title, summary or text changes', () => {
    const made = textRevision(before);
    expect(translationState(made, after)).toBe('outdated');
    expect(translationState(made, { ...before, title: 'Lavoro e credito' })).toBe('outdated');
    expect(translationState(made, { ...before, summary: 'Altro.' })).toBe('outdated');
  });

  it('stays current when only the spacing at line ends changes', () => {
    const respaced = { ...before, body: '\r\nTi aiuta.   \r\n\r\n' };
    expect(translationState(textRevision(before), respaced)).toBe('current');
  });

  it('is untracked when the translation does not say what it translates', () => {
    expect(translationState(undefined, before)).toBe('untracked');
  });
});

/** An entry as the build holds it: its words, and fields such as translationOf or textChanged. */
const entry = (words: typeof before, fields: Record<string, string> = {}) => ({
  data: { title: words.title, summary: words.summary, ...fields },
  body: words.body,
});

describe('what a translated page says about its text', () => {
  const translation = entry(
    { title: 'Work', summary: 'The work desk.', body: 'It helps you.' },
    { translationOf: textRevision(before) },
  );

  it('names the day the Italian changed, when the Italian file says it', () => {
    const original = entry(after, { textChanged: '2026-12-01' });
    expect(outdatedTranslation({ entry: translation, original, fallback: false })).toEqual({
      changed: '2026-12-01',
    });
  });

  it('says it without a day when the Italian file gives none', () => {
    const original = entry(after);
    expect(outdatedTranslation({ entry: translation, original, fallback: false })).toEqual({});
  });

  it('says nothing for a current or untracked translation, or for the Italian text itself', () => {
    const original = entry(before, { textChanged: '2026-11-27' });
    expect(outdatedTranslation({ entry: translation, original, fallback: false })).toBeUndefined();
    const untracked = entry({ title: 'Work', summary: 'The work desk.', body: '' });
    const changed = entry(after, { textChanged: '2026-12-01' });
    expect(
      outdatedTranslation({ entry: untracked, original: changed, fallback: false }),
    ).toBeUndefined();
    expect(
      outdatedTranslation({ entry: changed, original: changed, fallback: true }),
    ).toBeUndefined();
  });
});

describe('the date a page says its text was checked', () => {
  it('is a machine translation’s own, never the Italian original’s newer one', () => {
    const item = {
      entry: { data: { lastReviewed: '2026-11-27', translation: 'machine' } },
      original: { data: { lastReviewed: '2026-12-15', translation: 'source' } },
    };
    expect(reviewOf(item)).toEqual({ date: '2026-11-27', translation: 'machine' });
  });

  it('is a reviewed translation’s own, as a person checked it', () => {
    const item = { entry: { data: { lastReviewed: '2026-11-30', translation: 'reviewed' } } };
    expect(reviewOf(item)).toEqual({ date: '2026-11-30' });
  });
});
