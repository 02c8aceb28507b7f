/**
 * Decap's preSave step: drop what was left empty, refuse what the build would refuse, and ask
 * before saving what is most likely a slip (entry-check.ts). A refusal or a "no" stops the save
 * with one Italian sentence per problem, which Decap shows as "Non salvato. …".
 */
import type { ImmutableMap } from './decap';
import { questionAbout } from './doubts';
import { problemsOf, type CmsEntry } from './entry-check';
import { StaffMessage } from './messages';

/** The entry as the check reads it: the Italian data and each translation tab's data. */
function checkedEntry(entry: ImmutableMap): CmsEntry {
  const slug = entry.get('slug');
  const i18n = (entry.get('i18n') as ImmutableMap | undefined)?.toJS() ?? {};
  return {
    collection: String(entry.get('collection')),
    file: typeof slug === 'string' ? slug : '',
    data: (entry.get('data') as ImmutableMap).toJS(),
    translations: Object.fromEntries(
      Object.entries(i18n).map(([locale, value]) => [
        locale,
        (value as { data?: Record<string, unknown> }).data ?? {},
      ]),
    ),
  };
}

/**
 * The data to save, or a StaffMessage thrown. `ask` puts a yes-or-no question (the browser's
 * confirm dialog); a "no" saves nothing.
 */
export function beforeSave(
  { entry }: { entry: ImmutableMap },
  ask: (question: string) => boolean = (question) => window.confirm(question),
): ImmutableMap {
  const { problems, doubts, emptyPaths } = problemsOf(checkedEntry(entry));
  if (problems.length > 0) throw new StaffMessage(problems.join('\n'));
  if (doubts.length > 0 && !ask(questionAbout(doubts))) {
    throw new StaffMessage('Nulla è stato scritto: correggi e pubblica di nuovo.');
  }
  const data = entry.get('data') as ImmutableMap;
  return emptyPaths.reduce((kept, path) => kept.deleteIn(path), data);
}
