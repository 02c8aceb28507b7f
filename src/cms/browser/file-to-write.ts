/**
 * What the editor writes for one file Decap is about to save: nothing if the file would mean
 * what it means now (Decap writes every language of an entry on each save), else the file as
 * staff left it with only the changed values replaced. Decap would print the whole file anew:
 * comments gone, keys reordered, long lines folded.
 */
import {
  meaningOf,
  plainText,
  sameBody,
  sameValue,
  splitFrontmatter,
  type FileFormat,
} from './content-file';
import { patchedYaml } from './yaml-patch';

/** One file of a save. */
export interface FileSave {
  format: FileFormat;
  /** The file as it is in the repository now; undefined if there is none yet. */
  before: string | undefined;
  /** The text Decap is about to write. */
  written: string;
  /**
   * Fields the editor keeps by itself, not staff (`translationOf`, `textChanged`), with their
   * values after this save; undefined: the field is not written.
   */
  records?: Record<string, string | undefined> | undefined;
  /** The field after which a recorded field the file lacks is written, e.g. 'translation'. */
  recordsAfter?: string | undefined;
}

/**
 * The data with the recorded fields set: one the data lacks goes after `after` (e.g. after
 * `translation`, where the schema lists it), else last.
 */
function withRecords(
  data: Record<string, unknown>,
  records: Record<string, string | undefined> = {},
  after?: string,
): Record<string, unknown> {
  const lacking = Object.entries(records).filter(
    ([key, value]) => value !== undefined && !Object.hasOwn(data, key),
  );
  const result: Record<string, unknown> = {};
  const addLacking = () => {
    for (const [key, value] of lacking.splice(0)) result[key] = value;
  };
  for (const [key, value] of Object.entries(data)) {
    if (!Object.hasOwn(records, key)) result[key] = value;
    else if (records[key] !== undefined) result[key] = records[key];
    if (key === after) addLacking();
  }
  addLacking();
  return result;
}

/** Markdown under a frontmatter: after the blank lines the file had there, with one line end. */
function bodyText(body: string, before: string): string {
  const words = body.replace(/^\n+/, '').replace(/\s+$/, '');
  if (words === '') return '';
  const lead =
    before.trim() === '' ? (/^\n*/.exec(body)?.[0] ?? '') : (/^\n*/.exec(before)?.[0] ?? '');
  return `${lead}${words}\n`;
}

/** `raw` (a whole file) changed to hold `data` and `body`, with its own line ends. */
function patchedFile(raw: string, format: FileFormat, data: Record<string, unknown>, body: string) {
  const { text, restore } = plainText(raw);
  if (format === 'yaml') return restore(patchedYaml(text, data));
  const { open, yaml, close, rest } = splitFrontmatter(text);
  const after = sameBody(rest, body) ? rest : bodyText(body, rest);
  return restore(`${open || '---\n'}${patchedYaml(yaml, data)}${close || '---\n'}${after}`);
}

/**
 * The text to write for a file, or undefined to leave it untouched, e.g. Decap's hours.yaml
 * with one time changed => the file as it is, comments and all, with that time changed.
 */
export function fileToWrite({
  format,
  before,
  written,
  records,
  recordsAfter,
}: FileSave): string | undefined {
  let now;
  try {
    now = meaningOf(written, format);
  } catch {
    // Not for this editor to judge: Decap's own text goes, as Decap meant.
    return written;
  }
  const data = withRecords(now.data, records, recordsAfter);
  const ownText = () =>
    sameValue(data, now.data) ? written : patchedFile(written, format, data, now.body);
  if (before === undefined) return ownText();
  let then;
  try {
    then = meaningOf(before, format);
  } catch {
    // A file that does not parse has no comments to keep: the save repairs it.
    return ownText();
  }
  if (sameValue(then.data, data) && sameBody(then.body, now.body)) return undefined;
  return patchedFile(before, format, data, now.body);
}
