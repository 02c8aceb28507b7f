/**
 * How a collection loads. A build runs its load once and stops at the first mistake. Under
 * `astro dev` (the only time Astro hands loaders a watcher) the load runs again, whole, on every
 * change of the collection's files, as a build reads them: a translation takes facts from its
 * Italian original, and a message's line numbers must be the file's as it is now. A mistake
 * becomes the collection's problem (content-problems.ts), shown on every page, instead of
 * stopping the server or leaving the entry out, which made its page fall back to Italian without
 * a word.
 */
import { sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { clearContentProblem, recordContentProblem } from './content-problems';

type Load = (context: LoaderContext) => Promise<void>;

/** How long the files must be quiet before a reload, in ms. */
const settleMs = 150;

/** `load` for the files at `watched` (a file, or a folder and everything in it). */
export function loadWatched(watched: string, load: Load): Loader['load'] {
  return async (context) => {
    // The inner loaders get no watcher: their own reloads would check one file, not the whole.
    const { watcher, ...unwatched } = context;
    if (!watcher) return load(context);
    const run = () => loadRecordingProblems(unwatched, load);
    await run();
    watcher.add(watched);
    // One load at a time, and one waiting at most: it reads every change made before it starts.
    let queue = Promise.resolve();
    let waiting = false;
    let settling: ReturnType<typeof setTimeout> | undefined;
    watcher.on('all', (_event, path) => {
      if (path !== watched && !path.startsWith(watched + sep)) return;
      // A save can be several writes (emptied, then written), and the watcher drops a change
      // that follows another too closely: load once the files have been quiet a moment, or a
      // file read half-saved would stay the page's mistake.
      clearTimeout(settling);
      settling = setTimeout(() => {
        if (waiting) return;
        waiting = true;
        queue = queue.then(() => {
          waiting = false;
          return run();
        });
      }, settleMs);
    });
  };
}

type Store = LoaderContext['store'];

/** `store`, until `close()`: from then on its writes are dropped. */
function closableStore(store: Store): { store: Store; close(): void } {
  let open = true;
  return {
    store: {
      ...store,
      set: (entry) => open && store.set(entry),
      delete: (id) => open && store.delete(id),
      clear: () => open && store.clear(),
    },
    close: () => (open = false),
  };
}

async function loadRecordingProblems(context: LoaderContext, load: Load) {
  const lastGood = [...context.store.values()];
  // A failed load may still have files in flight (Astro's glob reads ten at a time).
  const attempt = closableStore(context.store);
  try {
    await load({ ...context, store: attempt.store });
    clearContentProblem(context.collection);
  } catch (error) {
    attempt.close();
    const message = error instanceof Error ? error.message : String(error);
    recordContentProblem(context.collection, message);
    context.logger.error(message);
    // The last good entries stay, so the editor at /admin/ still lists what it may have to fix.
    context.store.clear();
    for (const entry of lastGood) context.store.set(entry);
  }
}
