/**
 * The content's mistakes while `astro dev` runs, one message per collection, as the build would
 * print it. The loaders record them (dev-load.ts) and every page shows them until the file is
 * fixed (src/page-data/content-problems.ts). A build records none: it stops at the first.
 */

type Shared = typeof globalThis & { [key: symbol]: Map<string, string> | undefined };

// On globalThis: Astro runs the loaders and the pages in module instances of their own. Made on
// first use, so that a build's server, which never records one, carries none of it.
function problems(): Map<string, string> {
  return ((globalThis as Shared)[Symbol.for('polo.contentProblems')] ??= new Map<string, string>());
}

export function recordContentProblem(collection: string, message: string): void {
  problems().set(collection, message);
}

export function clearContentProblem(collection: string): void {
  problems().delete(collection);
}

/** The messages of the collections that have a mistake now, e.g. ['content/ui/fr.yaml: …']. */
export function contentProblems(): string[] {
  return [...problems().values()];
}
