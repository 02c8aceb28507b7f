/**
 * Reads the page aloud with the device's voices, loaded when the reader first presses "listen"
 * (src/scripts/read-aloud-check.ts): the main content in reading order (headings, text, lists,
 * each row of an hours table as a sentence), not the navigation, code, forms or share tools;
 * a sentence at a time (src/lib/speech-chunks.ts), each in the language of its text with a
 * voice of that language (text without one is skipped, never read with another's voice). The
 * sentence being read is marked and scrolled into view. Pause, resume and stop; it stops when
 * focus moves into a form field or Escape is pressed, and never starts by itself.
 */
import { chunksOf, spokenText } from '../lib/speech-chunks';
import { speechLang, voiceFor } from '../lib/voices';

interface Chunk {
  text: string;
  lang: string;
  block: Element;
  range: Range | undefined;
}

type State = 'idle' | 'playing' | 'paused';

const blocks = 'h1,h2,h3,h4,p,li,dt,dd,caption,tr,blockquote,figcaption';
const skipped =
  'nav,pre,code,form,script,style,template,[hidden],[aria-hidden="true"],[data-read-aloud],[data-share],[data-recording]';

/** Each character of a block's text, as a voice gets it, with the text node it sits in. */
function spokenChars(block: Element) {
  let text = '';
  const at: [Text, number][] = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    const parent = node.parentElement;
    // A part set on a line of its own (a heading's second line) is a word apart.
    if (parent && parent !== block && !getComputedStyle(parent).display.startsWith('inline')) {
      if (text && !text.endsWith(' ')) {
        text += ' ';
        at.push([node as Text, 0]);
      }
    }
    for (let i = 0; i < data.length; i++) {
      const char = spokenText(data[i] ?? '') || (/\s/.test(data[i] ?? '') ? ' ' : '');
      // One space between words, as in the chunks.
      if (!char || (char === ' ' && (text === '' || text.endsWith(' ')))) continue;
      text += char;
      at.push([node as Text, i]);
    }
  }
  return { text, at };
}

/** The words of a row of an hours table, e.g. 'lunedì, dalle 09:00 alle 13:00'. */
function rowText(row: HTMLTableRowElement): string {
  const template = row.closest('table')?.dataset['sayRow'] ?? '{0}, {1}';
  const [day, times] = [...row.cells].map((cell) => cell.textContent ?? '');
  return template.replace('{0}', day ?? '').replace('{1}', times ?? '');
}

/**
 * The page's chunks in reading order from its heading (the notes above it, such as "machine
 * translation", are for the eye), each in its text's language and with a voice for it.
 */
function pageChunks(main: Element): Chunk[] {
  const voices = speechSynthesis.getVoices();
  const heading = main.querySelector('h1');
  const fromHeading = (block: Element) =>
    !heading ||
    block === heading ||
    (heading.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  return [...main.querySelectorAll(blocks)]
    .filter(
      (block) =>
        fromHeading(block) &&
        !block.closest(skipped) &&
        !block.querySelector(blocks) &&
        block.getClientRects().length > 0 &&
        !(block instanceof HTMLTableRowElement && block.parentElement?.localName !== 'tbody'),
    )
    .flatMap((block) => {
      const lang = block.closest('[lang]')?.getAttribute('lang') ?? '';
      if (!voiceFor(voices, lang)) return [];
      if (block instanceof HTMLTableRowElement) {
        const range = document.createRange();
        range.selectNodeContents(block);
        return chunksOf(rowText(block), lang).map((text) => ({ text, lang, block, range }));
      }
      const { text, at } = spokenChars(block);
      let from = 0;
      return chunksOf(text, lang).map((chunk) => {
        const start = text.indexOf(chunk, from);
        const first = at[start];
        const last = at[start + chunk.length - 1];
        let range: Range | undefined;
        if (start >= 0 && first && last) {
          range = document.createRange();
          range.setStart(first[0], first[1]);
          range.setEnd(last[0], last[1] + 1);
          from = start + chunk.length;
        }
        return { text: chunk, lang, block, range };
      });
    });
}

/**
 * The marks of the sentence being read, and of its block where the browser cannot mark a
 * sentence: added to the page's style sheet by the reader (CSSOM, which the page's CSP allows),
 * so that no page carries them unused.
 */
function addMarks() {
  const sheet = document.styleSheets[0];
  const rules = [
    '[data-reading]{outline:3px solid var(--polo-focus)}',
    '::highlight(read-aloud){background:var(--polo-focus);color:var(--polo-ink)}',
  ];
  for (const rule of rules) {
    try {
      sheet?.insertRule(rule, sheet.cssRules.length);
    } catch {
      // A browser without highlights: the block's outline marks the place.
    }
  }
}

const control = document.querySelector<HTMLElement>('[data-read-aloud]');
const listen = control?.querySelector<HTMLButtonElement>('[data-listen]');
const label = listen?.querySelector('[data-listen-label]');
const stopButton = control?.querySelector<HTMLButtonElement>('[data-stop]');
const status = control?.querySelector<HTMLElement>('[data-listen-state]');
const main = document.querySelector('main');

if (control && listen && label && stopButton && status && main) {
  const startLabel = label.textContent;
  const highlights = 'highlights' in CSS ? CSS.highlights : undefined;
  let chunks: Chunk[] = [];
  let index = 0;
  let state: State = 'idle';
  // Each utterance's turn: the end of one that was cancelled must not start the next.
  let turn = 0;

  const mark = (chunk: Chunk | undefined) => {
    main.querySelector('[data-reading]')?.removeAttribute('data-reading');
    highlights?.delete('read-aloud');
    if (!chunk) return;
    chunk.block.setAttribute('data-reading', '');
    if (chunk.range && highlights) highlights.set('read-aloud', new Highlight(chunk.range));
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    chunk.block.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  };

  const show = (next: State) => {
    state = next;
    control.dataset['state'] = next;
    label.textContent =
      next === 'playing'
        ? (listen.dataset['pause'] ?? '')
        : next === 'paused'
          ? (listen.dataset['resume'] ?? '')
          : startLabel;
    stopButton.hidden = next === 'idle';
    status.textContent =
      next === 'playing'
        ? (status.dataset['playing'] ?? '')
        : next === 'paused'
          ? (status.dataset['paused'] ?? '')
          : '';
  };

  const stop = () => {
    turn++;
    speechSynthesis.cancel();
    index = 0;
    mark(undefined);
    // The stop button goes: focus stays on the control.
    if (document.activeElement === stopButton) listen.focus();
    show('idle');
  };

  const speakFrom = (i: number) => {
    const chunk = chunks[i];
    if (!chunk) {
      stop();
      return;
    }
    index = i;
    mark(chunk);
    const utterance = new SpeechSynthesisUtterance(chunk.text);
    const voice = voiceFor(speechSynthesis.getVoices(), chunk.lang);
    // The language too, even with a voice chosen: some engines read by it alone.
    utterance.lang = voice ? speechLang(voice) : chunk.lang;
    if (voice) utterance.voice = voice;
    const mine = ++turn;
    const next = () => {
      if (mine === turn && state === 'playing') speakFrom(i + 1);
    };
    utterance.addEventListener('end', next);
    utterance.addEventListener('error', next);
    speechSynthesis.speak(utterance);
  };

  const start = () => {
    chunks = pageChunks(main);
    show('playing');
    speakFrom(0);
  };

  // Pause is a cancel kept in mind: Android's engines do not pause. Resume reads the sentence again.
  const pause = () => {
    turn++;
    speechSynthesis.cancel();
    show('paused');
  };

  const resume = () => {
    show('playing');
    speakFrom(index);
  };

  listen.addEventListener('click', () => {
    if (state === 'idle') start();
    else if (state === 'playing') pause();
    else resume();
  });
  stopButton.addEventListener('click', stop);
  // A screen reader's user typing in a form is not to be talked over.
  document.addEventListener('focusin', ({ target }) => {
    if (
      state !== 'idle' &&
      target instanceof Element &&
      target.matches('input,select,textarea,[contenteditable]')
    )
      stop();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state !== 'idle') stop();
  });
  addEventListener('pagehide', () => speechSynthesis.cancel());
  addMarks();
  // The press that loaded this script.
  start();
}
