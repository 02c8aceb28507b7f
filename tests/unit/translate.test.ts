import { describe, expect, it } from 'vitest';
import { createTranslator, fill } from '../../src/i18n/translate';
import { uiKeys, uiSchema, type UiStrings } from '../../src/schemas/ui';

const strings = {
  ...Object.fromEntries(uiKeys.map((k) => [k, k])),
  translation: 'source',
} as UiStrings;

describe('t()', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('dalle {opens} alle {closes}', { opens: '09:00', closes: '13:00' })).toBe(
      'dalle 09:00 alle 13:00',
    );
    expect(fill('{x} and {y}', { x: 1 })).toBe('1 and {y}');
  });

  it('chooses plural forms with Intl.PluralRules', () => {
    const t = createTranslator(
      {
        ...strings,
        'notices.count.one': '{count} avviso',
        'notices.count.other': '{count} avvisi',
      },
      'it-IT',
    );
    expect(t.plural('notices.count', 1)).toBe('1 avviso');
    expect(t.plural('notices.count', 3)).toBe('3 avvisi');
    expect(t.plural('notices.count', 1200)).toBe('1200 avvisi');
  });

  it('falls back to the "other" form for plural categories a language file lacks', () => {
    // Arabic has six plural categories; the file gives `one` and `other`.
    const t = createTranslator(
      { ...strings, 'notices.count.one': 'إشعار واحد', 'notices.count.other': '{count} إشعارات' },
      'ar-u-nu-latn',
    );
    expect(t.plural('notices.count', 1)).toBe('إشعار واحد');
    expect(t.plural('notices.count', 5)).toBe('5 إشعارات');
  });
});

describe('UI strings schema', () => {
  it('accepts a complete file', () => {
    expect(uiSchema.safeParse(strings).success).toBe(true);
  });

  it('names a missing key', () => {
    const rest: Partial<UiStrings> = { ...strings };
    delete rest['nav.hours'];
    const result = uiSchema.safeParse(rest);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['nav.hours']);
    expect(result.error?.issues[0]?.message).toContain('nav.hours');
  });

  it('refuses a key that no page uses (a typo)', () => {
    const result = uiSchema.safeParse({ ...strings, 'nav.hourz': 'Orari' });
    expect(result.success).toBe(false);
  });
});
