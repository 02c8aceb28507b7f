/**
 * Whether to offer "listen": after the first paint, the speech control shows only where the
 * device has a voice of the page's language (the list may arrive late, with `voiceschanged`,
 * or never). Pressing it loads the reader, src/scripts/read-aloud.ts, a file of its own built
 * beside the pages (src/integrations/read-aloud-script.ts): nobody who does not press it
 * downloads it.
 */
import { primaryLanguage } from '../lib/voices';

/** The reader's address, set by the build (a hashed file under /_astro/). */
declare const READ_ALOUD_SCRIPT: string;

const control = document.querySelector<HTMLElement>('[data-read-aloud]');

if (control && 'speechSynthesis' in window) {
  const lang = document.documentElement.lang;
  // The reader's voiceFor() without its ranking, which the page need not carry.
  const offer = () => {
    if (speechSynthesis.getVoices().some((voice) => primaryLanguage(voice.lang) === lang)) {
      control.hidden = false;
    }
  };
  requestAnimationFrame(() =>
    setTimeout(() => {
      speechSynthesis.addEventListener('voiceschanged', offer);
      offer();
    }),
  );
  control.querySelector('[data-listen]')?.addEventListener(
    'click',
    () => {
      // iOS speaks only in answer to a tap: an empty utterance now lets the reader speak later.
      speechSynthesis.speak(new SpeechSynthesisUtterance(''));
      const script = document.createElement('script');
      script.type = 'module';
      script.src = READ_ALOUD_SCRIPT;
      document.head.append(script);
    },
    { once: true },
  );
}
