/**
 * The share block's buttons, shown only where they can work: copy the link (with feedback in
 * the page's language), the device's own share sheet, and print. Choosing another language
 * fetches that language's page (from the offline copy where there is one) and takes its
 * message, address, QR code and card into this block.
 */

function show(button: HTMLElement) {
  button.hidden = false;
  // The button sits in a list item hidden with it, so that no empty item is left without JS.
  if (button.parentElement instanceof HTMLLIElement) button.parentElement.hidden = false;
}

function selectText(element: Element) {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/**
 * Makes `block` send what the same block sends on another language's page at `href`: the
 * message, the address and its QR code, the WhatsApp link and the card. Throws when that page
 * cannot be had, e.g. offline and never saved (the offline answer has no share block).
 */
async function takeOver(block: HTMLElement, href: string) {
  const page = new DOMParser().parseFromString(await (await fetch(href)).text(), 'text/html');
  const other = page.querySelector<HTMLElement>('[data-share]');
  const qr = block.querySelector('[data-qr]');
  const code = other?.querySelector('[data-qr]');
  if (!other || !qr || !code) throw new Error(`${href}: no share block`);
  for (const key of ['shareUrl', 'shareTitle', 'shareText']) {
    block.dataset[key] = other.dataset[key] ?? '';
  }
  for (const name of ['whatsapp', 'card']) {
    const href = other.querySelector(`a[data-share-${name}]`)?.getAttribute('href');
    if (href) block.querySelector(`a[data-share-${name}]`)?.setAttribute('href', href);
  }
  // The code's name stays in the page's language, for the screen reader reading the page.
  code
    .querySelector('svg')
    ?.setAttribute('aria-label', qr.querySelector('svg')?.getAttribute('aria-label') ?? '');
  qr.replaceWith(document.importNode(code, true));
}

function startShare(block: HTMLElement) {
  const feedback = block.querySelector('[data-share-feedback]');
  const say = (message: string) => {
    if (feedback) feedback.textContent = message;
  };
  const url = () => block.dataset['shareUrl'] ?? location.href;
  // Not i18n's fill(): a module shared with another script would leave both outside the page.
  const sentence = (key: 'done' | 'failed', language: string) =>
    (block.dataset[key] ?? '').replace('{language}', language);

  const copy = block.querySelector<HTMLButtonElement>('[data-share-copy]');
  if (copy && navigator.clipboard) {
    show(copy);
    copy.addEventListener('click', () => {
      navigator.clipboard.writeText(url()).then(
        () => say(copy.dataset['done'] ?? ''),
        () => {
          const link = block.querySelector('[data-share-link]');
          if (link) selectText(link);
          say(copy.dataset['failed'] ?? '');
        },
      );
    });
  }

  const native = block.querySelector<HTMLButtonElement>('[data-share-native]');
  if (native && typeof navigator.share === 'function') {
    show(native);
    native.addEventListener('click', () => {
      // Closing the share sheet rejects the promise: nothing to tell.
      const { shareTitle: title = document.title, shareText: text = '' } = block.dataset;
      navigator.share({ title, text, url: url() }).catch(() => undefined);
    });
  }

  // The last choice wins, however the answers arrive.
  let chosen: HTMLAnchorElement | undefined;
  const choices = block.querySelectorAll<HTMLAnchorElement>('a[hreflang]');
  for (const choice of choices) {
    choice.addEventListener('click', (event) => {
      // A new tab or window opens the other page, as without JavaScript.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      if (choice.getAttribute('aria-current')) return;
      chosen = choice;
      // Isolated: a name in another direction inside the sentence.
      const language = `\u2068${choice.textContent.trim()}\u2069`;
      say(`${language} …`);
      takeOver(block, choice.href).then(
        () => {
          if (chosen !== choice) return;
          choices.forEach((c) => c.removeAttribute('aria-current'));
          choice.setAttribute('aria-current', 'true');
          say(sentence('done', language));
        },
        () => {
          if (chosen === choice) say(sentence('failed', language));
        },
      );
    });
  }
}

document.querySelectorAll<HTMLElement>('[data-share]').forEach(startShare);

document.querySelectorAll<HTMLButtonElement>('[data-print]').forEach((button) => {
  show(button);
  button.addEventListener('click', () => window.print());
});
