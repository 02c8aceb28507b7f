/**
 * How the editor's saves reach the repository, whatever the git host (the local proxy, GitHub,
 * GitLab, Git Gateway). Decap prints every file of an entry anew on each save, every language
 * included; here, before that goes out, each file is read as it is in the repository and only
 * what changed is written, into the file as staff left it (see file-to-write.ts). A translated
 * entry's files also get what the save records about their words (translation-records.ts).
 */
import { isLocale, sourceLocale } from '../../lib/locales';
import { siteTimeZone } from '../../lib/dates';
import { isTranslated } from '../../schemas/collections';
import { formatOf, meaningOf, type FileMeaning } from './content-file';
import { hasWords } from './entry-check';
import { fileToWrite } from './file-to-write';
import { recordsAfter, recordsOf } from './translation-records';
import { hoursFile, withHoursRecordings } from './hours-recordings';

/** A file of a save, as Decap hands it to the backend. */
export interface DataFile {
  path: string;
  raw: string;
  /** Where the file moves to, when an entry is renamed. */
  newPath?: string;
}

export interface SavedEntry {
  dataFiles: DataFile[];
  assets: unknown[];
}

/** The options Decap saves with; `collectionName` names the collection, e.g. 'notices'. */
export interface SaveOptions {
  collectionName?: string;
}

/** The two calls of a Decap backend implementation a save goes through. */
export interface Implementation {
  /** A file of the branch: its text; null (the proxy) or '' (GitHub) when there is none. */
  getEntry(path: string): Promise<{ data: string | null }>;
  persistEntry(entry: SavedEntry, options: SaveOptions): Promise<unknown>;
}

/** A registered backend: Decap calls `init` for the implementation it logs in with. */
export interface Backend {
  init: (...args: unknown[]) => Implementation;
}

/** Today in Italy, YYYY-MM-DD: the day a member of staff changed the Italian words. */
export const italianToday = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: siteTimeZone }).format(now);

/** The file as it is on the branch, undefined if there is none; any other failure stops the save. */
async function fileNow(implementation: Implementation, path: string) {
  try {
    const { data } = await implementation.getEntry(path);
    return typeof data === 'string' && data !== '' ? data : undefined;
  } catch (error) {
    // GitLab answers a missing file with a 404 the others answer with no data.
    if ((error as { status?: unknown }).status === 404) return undefined;
    throw error;
  }
}

const meaningOrNone = (raw: string | undefined, path: string): FileMeaning | undefined => {
  const format = formatOf(path);
  if (raw === undefined || !format) return undefined;
  try {
    return meaningOf(raw, format);
  } catch {
    return undefined;
  }
};

/** The language of a file of a translated collection, e.g. 'content/notices/ar/x.md' => 'ar'. */
const languageOf = (path: string) => {
  const lang = path.split('/').at(-2);
  return isLocale(lang) ? lang : undefined;
};

/**
 * The files a save writes: each as staff left it but for what changed, or not at all. A
 * translation tab nobody wrote in writes no file (Decap writes "\n", or only the defaults of
 * its fields): the page then falls back to Italian, as for any missing translation.
 */
export async function filesToWrite(
  implementation: Implementation,
  dataFiles: DataFile[],
  collection: string | undefined,
  today: string,
): Promise<DataFile[]> {
  const written = dataFiles.filter((file) => file.raw.trim() !== '');
  const before = await Promise.all(written.map((file) => fileNow(implementation, file.path)));
  // The hours page's recordings get their revision as an entry's recording does.
  const files = written.map((file, i) =>
    file.path === hoursFile ? { ...file, raw: withHoursRecordings(file.raw, before[i]) } : file,
  );
  const translated = collection !== undefined && isTranslated(collection);
  const italianFile = files.find((file) => languageOf(file.path) === sourceLocale);
  const italian = italianFile && meaningOrNone(italianFile.raw, italianFile.path);
  return files.flatMap((file, i) => {
    const format = formatOf(file.path);
    if (!format) return [file];
    const lang = languageOf(file.path);
    const now = meaningOrNone(file.raw, file.path);
    const then = meaningOrNone(before[i], file.path);
    const wordless = now && !hasWords({ ...now.data, body: now.body });
    if (translated && lang !== sourceLocale && !then && wordless) return [];
    const records =
      translated && lang && now
        ? recordsOf({ lang, before: then, now }, italian, today)
        : undefined;
    let text: string | undefined;
    try {
      text = fileToWrite({ format, before: before[i], written: file.raw, records, recordsAfter });
    } catch (error) {
      // A file this editor cannot patch still saves, as Decap prints it.
      console.error(`${file.path}: saved as Decap writes it`, error);
      text = file.raw;
    }
    if (text !== undefined) return [{ ...file, raw: text }];
    // Unchanged, but moving with its entry: it goes, as it is.
    return file.newPath && file.newPath !== file.path
      ? [{ ...file, raw: before[i] ?? file.raw }]
      : [];
  });
}

/**
 * Makes a backend save through `filesToWrite`. With nothing left to write (only spacing
 * changed), nothing is sent: no empty commit, and Decap reports the entry saved.
 */
export function keepFilesAsStaffLeftThem(backend: Backend | undefined, today = italianToday) {
  if (!backend) return;
  const init = backend.init;
  backend.init = (...args) => {
    const implementation = init(...args);
    const persist = implementation.persistEntry.bind(implementation);
    implementation.persistEntry = async (entry, options) => {
      const dataFiles = await filesToWrite(
        implementation,
        entry.dataFiles,
        options.collectionName,
        today(),
      );
      if (dataFiles.length === 0 && entry.assets.length === 0) return undefined;
      return persist({ ...entry, dataFiles }, options);
    };
    return implementation;
  };
}
