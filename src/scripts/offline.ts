/**
 * Offline reading: once the page has loaded and the browser is idle, registers the service
 * worker, asks it to keep this page's language, and links the language's web app manifest
 * (installing is worth it where the pages are kept). Forms that post (newsletter, reports) say they need a
 * connection while the device has none, and their button waits for it.
 */
import { manifestPath, workerPath } from '../lib/offline';

const lang = document.documentElement.lang;

/**
 * The worker's first start fetches every page of the language (about 150 KB): it waits until
 * the page has loaded and the browser is idle, so that none of it competes with the page the
 * reader opened, for the network or for the phone's processor. Chrome also fetches a linked
 * manifest and its icon as soon as it is there: it waits too.
 */
function keepLanguageOffline() {
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
}

/** Idle, or at the latest this long after the first frame. */
const idleWithinMs = 4_000;

if ('serviceWorker' in navigator && location.pathname.startsWith(`/${lang}/`)) {
  // After the first frame, not at load (headless Chrome loads before it paints): a manifest
  // fetched before the paint delays it. Then when idle; Safari before 18.4 has no
  // requestIdleCallback, and a pause stands in for it.
  addEventListener('load', () =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        if ('requestIdleCallback' in window)
          requestIdleCallback(keepLanguageOffline, { timeout: idleWithinMs });
        else setTimeout(keepLanguageOffline, idleWithinMs / 2);
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
