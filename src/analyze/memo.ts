// A bounded memo for the stages' pure functions of a string (name keys, gazetteer look-ups):
// the same spans and names are keyed again and again, within a text and across texts.

/**
 * `compute` with its answers kept by argument: an answer kept is returned, else computed and
 * kept. When `cap` answers are kept the memo is emptied before the next is added (cheaper than
 * evicting one by one, and a text's working set is small), so that reading millions of names
 * (building the gazetteer's index) does not keep them all. `compute` must be pure; `undefined`
 * is never kept (it is computed again).
 */
export function memoize<V>(cap: number, compute: (key: string) => V): (key: string) => V {
  const memo = new Map<string, V>();
  return (key) => {
    let value = memo.get(key);
    if (value !== undefined) return value;
    value = compute(key);
    if (memo.size >= cap) memo.clear();
    memo.set(key, value);
    return value;
  };
}
