/**
 * How a window's posts add to its writer's counter items, exactly once however often the window
 * is tried: each item remembers the sequence number of the last post it counts, and only posts
 * after it are added. Pure: the items as stored and the posts in, the items to write out.
 */
import { addCounts, NO_COUNTS, type CounterIncrement, type CounterValues } from '../items';
import { seqAfter, seqKey } from './sequence';

/** One post's increments, with the sequence number that orders it on its shard. */
export interface PostIncrements {
  readonly seq: string;
  readonly increments: readonly CounterIncrement[];
}

/** A writer's counter item: its counts, and the last post (sequence number) they include. */
export interface CounterState {
  readonly topic: string;
  readonly bucket: string;
  readonly counts: CounterValues;
  /** '' for an item not written yet. */
  readonly seq: string;
  readonly expiresAt: number;
}

export const counterId = (topic: string, bucket: string): string => `${topic}\u0000${bucket}`;

/** Every counter item the posts add to, as `[topic, bucket]` (each once). */
export function countersTouched(posts: readonly PostIncrements[]): { topic: string; bucket: string }[] {
  const touched = new Map<string, { topic: string; bucket: string }>();
  for (const post of posts) for (const { topic, bucket } of post.increments) touched.set(counterId(topic, bucket), { topic, bucket });
  return [...touched.values()];
}

/**
 * The items to write: each item the posts touch, with the posts after its own sequence number
 * added and its sequence number moved to the last of them. An item with nothing new (a window
 * tried again after it was written) is left out.
 */
export function nextCounters(current: ReadonlyMap<string, CounterState>, posts: readonly PostIncrements[]): CounterState[] {
  const next = new Map<string, CounterState>();
  for (const post of posts) {
    for (const inc of post.increments) {
      const id = counterId(inc.topic, inc.bucket);
      const stored = current.get(id);
      if (stored && !seqAfter(post.seq, stored.seq)) continue;
      const base = next.get(id) ?? stored ?? { topic: inc.topic, bucket: inc.bucket, counts: NO_COUNTS, seq: '', expiresAt: inc.expiresAt };
      next.set(id, {
        ...base,
        counts: addCounts(base.counts, inc.add),
        seq: seqAfter(post.seq, base.seq) ? seqKey(post.seq) : base.seq,
        expiresAt: Math.max(base.expiresAt, inc.expiresAt),
      });
    }
  }
  return [...next.values()];
}
