/**
 * Which of the device's voices may read a page: only one of the page's own language, never
 * another's (an English voice reading Somali is worse than none).
 */

/** The primary subtag of a language tag, `_` read as `-`, e.g. 'ar_SA' => 'ar', 'ta-IN' => 'ta'. */
export function primaryLanguage(tag: string): string {
  return (tag.replace(/_/g, '-').split('-')[0] ?? '').toLowerCase();
}

/** The part of a voice this choice reads (SpeechSynthesisVoice has more). */
export interface VoiceLike {
  lang: string;
  localService?: boolean;
  default?: boolean;
}

/**
 * The voice for a page in `lang`, or undefined when the device has none, e.g. with voices
 * [en-GB, ar-SA] and 'ar' => the ar-SA voice; with [ar-SA, en-GB] and 'so' => undefined.
 * A voice on the device first (it reads offline), then the device's default.
 */
export function voiceFor<V extends VoiceLike>(voices: readonly V[], lang: string): V | undefined {
  const wanted = primaryLanguage(lang);
  const rank = (voice: V) => (voice.localService ? 0 : 2) + (voice.default ? 0 : 1);
  return voices
    .filter((voice) => primaryLanguage(voice.lang) === wanted)
    .sort((a, b) => rank(a) - rank(b))[0];
}

/** The voice's language as `utterance.lang` wants it, e.g. 'ar_SA' => 'ar-SA'. */
export const speechLang = (voice: VoiceLike) => voice.lang.replace(/_/g, '-');
