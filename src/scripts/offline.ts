/**
 * Offline reading: once the page has loaded and painted, registers the service worker, asks it
 * to keep this page's language, and links the language's web app manifest (installing is worth
 * it where the pages are kept). Forms that post (newsletter, reports) say they need a
 * connection while the device has none, and their button waits for it.
 */
import { manifestPath, workerPath } from '../lib/offline';

const lang = document.documentElement.lang;

if ('serviceWorker' in navigator && location.pathname.startsWith(`/${lang}/`)) {
  // After the first frame, not at load: Chrome fetches a linked manifest and its icon as soon
  // as the page has loaded, and nothing but the page should come before it is on screen.
  addEventListener('load', () =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        const manifest = document.createElement('link');
        manifest.rel = 'manifest';
        manifest.href = manifestPath(lang);
        document.head.append(manifest);
        navigator.serviceWorker
          .register(workerPath)
          .then(() => navigator.serviceWorker.ready)
          .then((registration) => registration.active?.postMessage({ keep: lang }))
          // No worker (private mode, a browser that refuses): the site works as without one.
          .catch(() => undefined);
      }),
    ),
  );
}

const template = document.querySelector<HTMLTemplateElement>('template[data-offline-form]');
const forms = [...document.querySelectorAll<HTMLFormElement>('form[method="post"]')].map((form) => {
  const note = template?.content.firstElementChild?.cloneNode(true);
  const buttons = form.querySelectorAll<HTMLButtonElement>('button:not([type="button"])');
  return { form, note: note instanceof HTMLElement ? note : undefined, buttons };
});

function showConnection() {
  for (const { form, note, buttons } of forms) {
    if (note && navigator.onLine) note.remove();
    // Just above the button it explains, or at the top of a form without one.
    else if (note && !note.isConnected) (buttons[0] ?? form.firstChild)?.before(note);
    for (const button of buttons) button.disabled = !navigator.onLine;
  }
}

addEventListener('online', showConnection);
addEventListener('offline', showConnection);
if (!navigator.onLine) showConnection();
