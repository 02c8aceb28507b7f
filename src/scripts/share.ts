/**
 * The share block's buttons, shown only where they can work: copy the link (with feedback in
 * the page's language), the device's own share sheet, and print.
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

function startShare(block: HTMLElement) {
  const url = block.dataset['shareUrl'] ?? location.href;
  const title = block.dataset['shareTitle'] ?? document.title;
  const text = block.dataset['shareText'] ?? '';
  const feedback = block.querySelector('[data-share-feedback]');
  const say = (message: string) => {
    if (feedback) feedback.textContent = message;
  };

  const copy = block.querySelector<HTMLButtonElement>('[data-share-copy]');
  if (copy && navigator.clipboard) {
    show(copy);
    copy.addEventListener('click', () => {
      navigator.clipboard.writeText(url).then(
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
      navigator.share({ title, text, url }).catch(() => undefined);
    });
  }
}

document.querySelectorAll<HTMLElement>('[data-share]').forEach(startShare);

document.querySelectorAll<HTMLButtonElement>('[data-print]').forEach((button) => {
  show(button);
  button.addEventListener('click', () => window.print());
});
