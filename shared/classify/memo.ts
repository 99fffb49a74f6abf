/**
 * Bounded memos for the pure per-word functions of classification (normal forms, roots, stems,
 * claim keys): a memo is emptied when it reaches its limit, so a stream of new words can never
 * grow it without bound, and the common words are back in it within a few posts.
 */

const MEMO_LIMIT = 50_000;

/** Stores `value` under `key`, first emptying the memo if it holds `limit` entries; returns `value`. */
export function remember<K, V>(memo: Map<K, V>, key: K, value: V, limit = MEMO_LIMIT): V {
  if (memo.size >= limit) memo.clear();
  memo.set(key, value);
  return value;
}
