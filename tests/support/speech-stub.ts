/**
 * A stand-in for the browser's speechSynthesis, put in a page before its scripts run: the test
 * sets the device's voices (or none at all, or a list that arrives late with `voiceschanged`)
 * and reads back every call the page made: speak (text, lang, voice), pause, resume, cancel.
 * An utterance ends after `endAfterMs`, or when the test calls `endUtterance(page)`.
 */
import type { Page } from '@playwright/test';

export interface StubVoice {
  lang: string;
  name: string;
  localService?: boolean;
}

export interface SpeechOptions {
  /** The device's voices; null: a browser without speechSynthesis at all. */
  voices: StubVoice[] | null;
  /** The list is empty until this many milliseconds after the page starts, then `voiceschanged`. */
  lateMs?: number;
  /** Each utterance ends by itself after this long; none: only when the test says. */
  endAfterMs?: number;
}

export interface SpeechCall {
  op: 'speak' | 'pause' | 'resume' | 'cancel';
  text?: string;
  lang?: string;
  voice?: string | undefined;
}

export async function stubSpeech(page: Page, options: SpeechOptions) {
  await page.addInitScript((options: SpeechOptions) => {
    const calls: SpeechCall[] = [];
    const scope = window as unknown as Record<string, unknown>;
    scope['__speechCalls'] = calls;
    if (options.voices === null) {
      delete scope['speechSynthesis'];
      delete (Window.prototype as unknown as Record<string, unknown>)['speechSynthesis'];
      return;
    }
    const voices = options.voices.map((v) => ({
      voiceURI: v.name,
      name: v.name,
      lang: v.lang,
      localService: v.localService ?? true,
      default: false,
    }));
    let ready = options.lateMs === undefined;
    class Utterance extends EventTarget {
      text: string;
      lang = '';
      voice: (typeof voices)[number] | null = null;
      rate = 1;
      pitch = 1;
      volume = 1;
      constructor(text = '') {
        super();
        this.text = text;
      }
    }
    class Synthesis extends EventTarget {
      current: Utterance | undefined;
      queue: Utterance[] = [];
      timer: ReturnType<typeof setTimeout> | undefined;
      get speaking() {
        return this.current !== undefined;
      }
      paused = false;
      get pending() {
        return this.queue.length > 0;
      }
      getVoices() {
        return ready ? voices : [];
      }
      speak(utterance: Utterance) {
        calls.push({
          op: 'speak',
          text: utterance.text,
          lang: utterance.lang,
          voice: utterance.voice?.lang,
        });
        this.queue.push(utterance);
        if (!this.current) this.next();
      }
      next() {
        this.current = this.queue.shift();
        const current = this.current;
        if (!current) return;
        current.dispatchEvent(new Event('start'));
        // An empty utterance (iOS's unlock) ends at once, as in browsers.
        const after = current.text === '' ? 0 : options.endAfterMs;
        if (after !== undefined) this.timer = setTimeout(() => this.end(), after);
      }
      end() {
        const done = this.current;
        this.current = undefined;
        clearTimeout(this.timer);
        done?.dispatchEvent(new Event('end'));
        // The page may have spoken the next one from its 'end' listener.
        if (!this.current) this.next();
      }
      cancel() {
        calls.push({ op: 'cancel' });
        clearTimeout(this.timer);
        const dropped = [this.current, ...this.queue];
        this.current = undefined;
        this.queue = [];
        for (const utterance of dropped) utterance?.dispatchEvent(new Event('error'));
      }
      pause() {
        calls.push({ op: 'pause' });
        this.paused = true;
      }
      resume() {
        calls.push({ op: 'resume' });
        this.paused = false;
      }
    }
    const synthesis = new Synthesis();
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      value: Utterance,
      configurable: true,
    });
    scope['__speechEnd'] = () => synthesis.end();
    if (!ready) {
      setTimeout(() => {
        ready = true;
        synthesis.dispatchEvent(new Event('voiceschanged'));
      }, options.lateMs);
    }
  }, options);
}

/** Every call the page made so far, in order; the empty unlocking utterance left out. */
export const speechCalls = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { __speechCalls: SpeechCall[] }).__speechCalls ?? []).filter(
      (call) => !(call.op === 'speak' && call.text === ''),
    ),
  );

/** The texts spoken so far, in order. */
export const spokenTexts = async (page: Page) =>
  (await speechCalls(page)).flatMap((call) => (call.op === 'speak' ? [call.text ?? ''] : []));

/** Ends the utterance being spoken, as a voice reaching the end of its sentence. */
export const endUtterance = (page: Page) =>
  page.evaluate(() => (window as unknown as { __speechEnd: () => void }).__speechEnd());
