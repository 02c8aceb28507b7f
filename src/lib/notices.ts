/** Ordering of notices: newest first, then by title so the order never depends on the disk. */
export function newestFirst<T extends { entry: { data: { published: string; title: string } } }>(
  items: T[],
): T[] {
  return [...items].sort(
    (a, b) =>
      b.entry.data.published.localeCompare(a.entry.data.published) ||
      a.entry.data.title.localeCompare(b.entry.data.title),
  );
}
