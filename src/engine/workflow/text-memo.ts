/**
 * Content-addressed caches for pure functions of text (a script, an expression body): a scan
 * decides each workflow once per trigger, and the same scripts recur across jobs, workflows
 * and repositories, so each distinct text is worked out once. Results are shared by every
 * caller and frozen (an attempt to change one throws instead of corrupting another's);
 * each cache is emptied when it grows past its bound, so memory stays flat over any scan.
 */

const DEFAULT_ENTRIES = 1024;

export function memoByText<T>(
  fn: (text: string) => T,
  maxEntries = DEFAULT_ENTRIES,
): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (cache.has(text)) return cache.get(text) as T;
    const result = freezeShallow(fn(text));
    if (cache.size >= maxEntries) cache.clear();
    cache.set(text, result);
    return result;
  };
}

/**
 * A pure function of an object (held weakly: dropped with it) and a string key, such as a
 * workflow's data and a job id.
 */
export function memoByObject<K extends object, T>(
  fn: (object: K, key: string) => T,
): (object: K, key: string) => T {
  const cache = new WeakMap<K, Map<string, T>>();
  return (object, key) => {
    let byKey = cache.get(object);
    if (byKey === undefined) {
      byKey = new Map();
      cache.set(object, byKey);
    }
    if (byKey.has(key)) return byKey.get(key) as T;
    const result = freezeShallow(fn(object, key));
    byKey.set(key, result);
    return result;
  };
}

function freezeShallow<T>(value: T): T {
  if (Array.isArray(value))
    for (const item of value) if (item && typeof item === 'object') Object.freeze(item);
  return value && typeof value === 'object' ? Object.freeze(value) : value;
}
