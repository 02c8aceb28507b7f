/**
 * The tables of the settings, from their declaration: those a running site reads in the README,
 * those only the build reads in docs/operations.md (`npm run settings:table [build]`).
 */
import {
  asText,
  checkSettings,
  settingDoc,
  settingNames,
  type Reader,
  type SettingName,
} from './settings.ts';

/** A Markdown table, each cell padded to its column's width as Prettier writes it. */
function markdownTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(3, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths?.[i] ?? 0)).join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), line(head.map((_, i) => '-'.repeat(widths?.[i] ?? 3))), ...body.map(line)]
    .map((row) => `${row}\n`)
    .join('');
}

export type SettingsTable = 'run' | 'build';

/** Where each table is kept, between `<!-- {marker}:start -->` and `<!-- {marker}:end -->`. */
export const tablePlaces: Record<SettingsTable, { file: string; marker: string }> = {
  run: { file: 'README.md', marker: 'settings' },
  build: { file: 'docs/operations.md', marker: 'build-settings' },
};

const readsAtRun = (readers: readonly Reader[]) => readers.some((reader) => reader !== 'build');

/** The settings of `table`: read by the server, the site or the commands; or by the build only. */
export function settingsOf(table: SettingsTable): SettingName[] {
  return settingNames.filter(
    (name) => readsAtRun(settingDoc(name).readBy ?? ['server']) === (table === 'run'),
  );
}

/** The Markdown table of `table`'s settings, e.g. settingsTable('run') for the README. */
export function settingsTable(table: SettingsTable = 'run'): string {
  const defaults: Partial<Record<SettingName, unknown>> = checkSettings({});
  return markdownTable([
    ['Setting', 'Default', 'Meaning'],
    ...settingsOf(table).map((name) => {
      const { description, unset } = settingDoc(name);
      const value = asText(defaults[name]);
      return [`\`${name}\``, unset ?? (value ? `\`${value}\`` : 'none'), description];
    }),
  ]);
}
