/**
 * `t()` for one language: looks a key up in that language's UI strings and fills `{name}`
 * placeholders, e.g. t('review.last', { date: '26 novembre 2026' }).
 */
import type { UiKey, UiStrings } from '../schemas/ui';
import { isolate, isolateLatinRuns } from '../lib/bidi';

export type Vars = Record<string, string | number>;

/** Keys that have plural forms, e.g. 'notices.count' for 'notices.count.one' / '.other'. */
type PluralKey = UiKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

export interface Translator {
  (key: UiKey, vars?: Vars): string;
  /** Plural form for `count`, chosen by Intl.PluralRules, e.g. plural('notices.count', 3). */
  plural(key: PluralKey, count: number): string;
  /** Keeps a name, time or date in its own direction inside right-to-left text; as is elsewhere. */
  isolate(text: string): string;
}

/** Fills placeholders, e.g. fill('Hi {name}', { name: 'Ada' }) => 'Hi Ada'. */
export function fill(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/**
 * `t()` of one language. In right-to-left languages, Latin names in the strings are isolated
 * so that their punctuation stays in place.
 */
export function createTranslator(
  strings: UiStrings,
  intlLocale: string,
  dir: 'ltr' | 'rtl' = 'ltr',
): Translator {
  const rules = new Intl.PluralRules(intlLocale);
  const text = (template: string) => (dir === 'rtl' ? isolateLatinRuns(template) : template);
  const t = ((key: UiKey, vars?: Vars) => fill(text(strings[key]), vars)) as Translator;
  t.isolate = (value) => (dir === 'rtl' ? isolate(value) : value);
  t.plural = (key, count) => {
    const form = `${key}.${rules.select(count)}`;
    const template = form in strings ? strings[form as UiKey] : strings[`${key}.other` as UiKey];
    return fill(text(template), { count: new Intl.NumberFormat(intlLocale).format(count) });
  };
  return t;
}
