/** Which voice may read a page: one of its own language, never another's. */
import { describe, expect, it } from 'vitest';
import { primaryLanguage, speechLang, voiceFor } from '../../src/lib/voices';

const voice = (lang: string, extra: { localService?: boolean; default?: boolean } = {}) => ({
  lang,
  ...extra,
});

describe('voiceFor', () => {
  it('reads the primary subtag, with _ as -', () => {
    expect(primaryLanguage('ar_SA')).toBe('ar');
    expect(primaryLanguage('ta-IN')).toBe('ta');
    expect(primaryLanguage('SI')).toBe('si');
    expect(voiceFor([voice('en-GB'), voice('ar_SA')], 'ar')?.lang).toBe('ar_SA');
  });

  it('never gives another language’s voice', () => {
    expect(voiceFor([voice('ar-SA'), voice('en-GB')], 'so')).toBeUndefined();
    expect(voiceFor([], 'it')).toBeUndefined();
    // Same letters at the start are not the same language.
    expect(voiceFor([voice('sid-ET'), voice('tai')], 'si')).toBeUndefined();
  });

  it('prefers a voice on the device, then the default', () => {
    const online = voice('it-IT', { localService: false, default: true });
    const local = voice('it-CH', { localService: true });
    expect(voiceFor([online, local], 'it')).toBe(local);
  });

  it('writes the voice’s language as utterance.lang wants it', () => {
    expect(speechLang(voice('si_LK'))).toBe('si-LK');
  });
});

/**
 * The voice lists platforms report (the languages of the site only), as public voice lists and
 * bug trackers give them (docs/read-aloud.md): which pages show the control on each. Android's
 * engine reports Arabic as ar-XA-style or ar_* tags; Edge's online voices cover every language.
 */
const platforms: Record<string, string[]> = {
  'Android, Google speech services': ['it-IT', 'en-GB', 'fr-FR', 'ar_XA', 'ta_IN', 'si_LK'],
  'Android, Samsung engine': ['it_IT', 'en_GB', 'fr_FR'],
  iOS: ['it-IT', 'en-GB', 'fr-FR', 'ar-001', 'ta-IN'],
  'Windows, Chrome': ['it-IT', 'en-US', 'en-GB', 'fr-FR'],
  'Windows, Edge (online voices)': ['it-IT', 'en-GB', 'fr-FR', 'ar-SA', 'ta-IN', 'si-LK', 'so-SO'],
};
const offered = (voices: string[]) =>
  ['it', 'en', 'fr', 'ar', 'si', 'ta', 'so'].filter((lang) =>
    voiceFor(
      voices.map((v) => voice(v)),
      lang,
    ),
  );

describe('the control on each platform', () => {
  it.each([
    ['Android, Google speech services', ['it', 'en', 'fr', 'ar', 'si', 'ta']],
    ['Android, Samsung engine', ['it', 'en', 'fr']],
    ['iOS', ['it', 'en', 'fr', 'ar', 'ta']],
    ['Windows, Chrome', ['it', 'en', 'fr']],
    ['Windows, Edge (online voices)', ['it', 'en', 'fr', 'ar', 'si', 'ta', 'so']],
  ])('%s: %j', (platform, languages) => {
    expect(offered(platforms[platform] ?? [])).toEqual(languages);
  });
});
