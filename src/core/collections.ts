/** Array and map helpers that stay safe on the sizes a linter meets (a million findings, a million lines). */

/** `Map.groupBy` (Node 21+) for Node 20: items by key, each group in input order. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) addToGroup(groups, keyOf(item), item);
  return groups;
}

/** Appends `item` to the group under `key`, starting the group if there is none. */
export function addToGroup<K, T>(groups: Map<K, T[]>, key: K, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}

/**
 * `target.push(...items)` without spreading: a spread passes every item as an argument, and past
 * about 100,000 of them V8 throws "Maximum call stack size exceeded" (a 400,000-line file did).
 */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
