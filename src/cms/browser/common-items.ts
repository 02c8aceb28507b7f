/**
 * The items two lists have in common, in order (their longest common subsequence): what stayed
 * when a list of YAML items or the lines of a file were edited into another.
 */

/** The pairs of indices [i, j] of the common items, e.g. (['a','b','c'], ['a','c']) => [[0,0],[2,1]]. */
export function commonItems<A, B>(
  a: readonly A[],
  b: readonly B[],
  same: (x: A, y: B) => boolean,
): [number, number][] {
  // lengths[i][j]: how many items a[i..] and b[j..] have in common.
  const lengths = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  const at = (i: number, j: number) => lengths[i]?.[j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lengths[i] ?? [];
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = same(a[i] as A, b[j] as B)
        ? at(i + 1, j + 1) + 1
        : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(a[i] as A, b[j] as B)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return pairs;
}
