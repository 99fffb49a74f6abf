/**
 * How far a text has spread: the distinct accounts that posted it (a fingerprint band key shared
 * by near-identical texts, or a debunked claim's key) within a window of event time. Pure and in
 * memory: the aggregator fills it with what every window recorded (shared/pipeline/ports.ts,
 * `SpreadLog`) and then with its own window's posts one by one, in the order they were stored.
 */

/** Who posted a text with these spread keys (fingerprint band keys, a claim's key) and when. */
export interface SpreadEntry {
  readonly author: string;
  readonly followers: number;
  /** Event time, epoch ms. */
  readonly atMs: number;
  readonly keys: readonly string[];
}

/** How far a text (a fingerprint key, or a debunked claim) has spread: distinct authors in a window. */
export interface Spread {
  readonly authors: number;
  /** The authors' followers added up (each author's as of their latest post). */
  readonly followers: number;
  readonly key?: string;
}

/** The spread key of a debunked claim: every account repeating the claim counts towards it. */
export const claimSpreadKey = (claimId: string): string => `claim-${claimId}`;

export class SpreadIndex {
  private readonly byKey = new Map<string, SpreadEntry[]>();

  add(entry: SpreadEntry): void {
    for (const key of new Set(entry.keys)) {
      let entries = this.byKey.get(key);
      if (!entries) this.byKey.set(key, (entries = []));
      entries.push(entry);
    }
  }

  /**
   * Of `keys`, the one with the most distinct accounts posting it with event time in
   * [atMs − windowMs, atMs], with that count and the accounts' followers added up (each account's
   * as of its latest post there); no key and 0 for none.
   */
  widest(keys: readonly string[], atMs: number, windowMs: number): Spread {
    let widest: Spread = { authors: 0, followers: 0 };
    for (const key of new Set(keys)) {
      const spread = this.spread(key, atMs - windowMs, atMs);
      if (spread.authors > widest.authors) widest = spread;
    }
    return widest;
  }

  private spread(key: string, fromMs: number, toMs: number): Spread {
    const latest = new Map<string, SpreadEntry>();
    for (const entry of this.byKey.get(key) ?? []) {
      if (entry.atMs < fromMs || entry.atMs > toMs) continue;
      const had = latest.get(entry.author);
      if (!had || entry.atMs >= had.atMs) latest.set(entry.author, entry);
    }
    let followers = 0;
    for (const entry of latest.values()) followers += entry.followers;
    return { authors: latest.size, followers, key };
  }
}
