// Binary search, the one of the code base: over cables, paragraphs and blocks, which are in line order.

/**
 * `items.findIndex(passes)` in log time, for items that fail `passes` up to some index and pass it from there on
 * (items sorted by what it tests); `items.length`, not -1, when none passes.
 */
export function firstIndexWhere<T>(items: readonly T[], passes: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (passes(items[mid])) high = mid;
    else low = mid + 1;
  }
  return low;
}
