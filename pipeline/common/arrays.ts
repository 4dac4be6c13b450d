/** Array helpers that hold at any size. */

/**
 * Appends `items` to `target`. `target.push(...items)` passes every item as an argument and
 * overflows the call stack past about 100,000 items (a 1000-times plan has more lines than that).
 */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** The items by key, the first of each key (as `find` would give it), for lookups without a search each. */
export function firstByKey<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T> {
  const byKey = new Map<K, T>();
  for (const item of items) {
    const k = key(item);
    if (!byKey.has(k)) byKey.set(k, item);
  }
  return byKey;
}

/** The items grouped by key, each group in the items' order and the groups in the order their keys first appear. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The largest of the numbers, or `floor` when there are none or all are smaller (no argument spread). */
export function maxOf(values: Iterable<number>, floor: number): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}
