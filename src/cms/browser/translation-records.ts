/**
 * What a save records in the files of a translated entry, by itself: a translation written
 * now says which Italian words it translates (`translationOf`), the Italian file the day its
 * words last changed (`textChanged`). A translation the save leaves alone keeps its old
 * `translationOf`, so that an Italian edit shows it out of date; one whose words, status or
 * day of checking changed was read against the Italian as it is now, so it is current again.
 * A recording attached or replaced now records the Italian words it was made beside
 * (`recordingOf`), so that it too shows out of date when they change.
 */
import { sourceLocale } from '../../lib/locales';
import { textRevision, type TextWords } from '../../lib/text-revision';
import type { FileMeaning } from './content-file';

/** The fields the editor writes, never staff. */
export const recordFields = ['translationOf', 'textChanged', 'recordingOf'] as const;

/** Where a file gets a recorded field it lacks: after its translation status, as the schema lists them. */
export const recordsAfter = 'translation';
type RecordField = (typeof recordFields)[number];

/** The fields by which a person says a translation was checked. */
const checkFields = ['translation', 'lastReviewed'] as const;

/** A file's words and fields, as it is and as this save writes it. */
export interface LanguageFile {
  lang: string;
  /** The file as it is; undefined if the save creates it. */
  before: FileMeaning | undefined;
  now: FileMeaning;
}

const wordsOf = ({ data, body }: FileMeaning): TextWords => ({
  title: data['title'],
  summary: data['summary'],
  body,
});

const recorded = (file: FileMeaning | undefined, field: RecordField) => {
  const value = file?.data[field];
  return typeof value === 'string' ? value : undefined;
};

/** A recording's revision after the save: stamped when the file changed, gone with the file. */
function recordingOf(file: LanguageFile, italian: FileMeaning | undefined): string | undefined {
  const now = file.now.data['recording'];
  if (typeof now !== 'string' || now === '') return undefined;
  const kept = recorded(file.before, 'recordingOf');
  if (file.before?.data['recording'] === now && kept !== undefined) return kept;
  const words = file.lang === sourceLocale ? file.now : italian;
  return words ? textRevision(wordsOf(words)) : kept;
}

/**
 * The record fields of one file after the save, e.g. the Arabic file of a desk whose words
 * changed => { translationOf: textRevision(Italian words now), textChanged: undefined, … }.
 * `italian` is the Italian data as saved now; `today` is YYYY-MM-DD, Italian time.
 */
export function recordsOf(
  file: LanguageFile,
  italian: FileMeaning | undefined,
  today: string,
): Record<RecordField, string | undefined> {
  // What Decap holds for these fields may be older than the file: the file's values count.
  const records = {
    translationOf: recorded(file.before, 'translationOf'),
    textChanged: recorded(file.before, 'textChanged'),
    recordingOf: recordingOf(file, italian),
  };
  const { before, now } = file;
  const wordsChanged =
    before === undefined || textRevision(wordsOf(before)) !== textRevision(wordsOf(now));
  if (file.lang === sourceLocale)
    return wordsChanged ? { ...records, textChanged: today } : records;
  // A reviewer who marks a translation reviewed, or checked again, vouches for it as it stands.
  const vouched = checkFields.some((field) => before?.data[field] !== now.data[field]);
  if (!wordsChanged && !vouched) return records;
  return italian ? { ...records, translationOf: textRevision(wordsOf(italian)) } : records;
}
