/**
 * The aggregator's window: what it keeps of each new post between the invocations of one
 * tumbling window (the window's state, JSON, at most 1 MB per shard on Lambda), in the order the
 * posts were stored. Only what counting, coordinated posting and the alert rules need; the
 * stored post itself is read again only when an alert quotes it.
 */
import { textFingerprints } from '../classify/fingerprint';
import { normalise } from '../classify/normalise';
import type { PostItem } from '../items';
import { authorKey } from '../post';

/** A new post as the window keeps it. */
export interface PostFact {
  readonly key: string;
  /** The stream record's sequence number: the order of the shard, and how far it has been counted. */
  readonly seq: string;
  /** Event time, epoch seconds (`createdAtEpoch`). */
  readonly at: number;
  readonly sentiment: string;
  /** Hoax level as the classifier stored it (coordinated posting may raise it when the window closes). */
  readonly hoax: string;
  /** Its hoax indicators' weights, `indicator:weight`: what `coordinated` adds to is recomputed from them. */
  readonly weights: readonly string[];
  readonly topics: readonly string[];
  readonly cities: readonly string[];
  readonly author: string;
  readonly followers: number;
  readonly reposts: number;
  readonly claim?: string;
  /** Fingerprint band keys of the text (none for a text too short to call coordinated). */
  readonly bands: readonly string[];
}

export interface WindowState {
  readonly v: 1;
  readonly facts: readonly PostFact[];
}

export const EMPTY_WINDOW: WindowState = { v: 1, facts: [] };

/** A new post from the stream: its item and its sequence number. */
export interface StreamedPost {
  readonly seq: string;
  readonly item: PostItem;
}

/** The state a window invocation received (Lambda gives `{}` to a window's first one). */
export function windowState(state: unknown): WindowState {
  if (state && typeof state === 'object' && (state as { v?: unknown }).v === 1 && Array.isArray((state as WindowState).facts)) {
    return state as WindowState;
  }
  return EMPTY_WINDOW;
}

/** Adds posts to the window, in stream order; a post the window already holds (a record read twice) is kept once. */
export function foldPosts(state: WindowState, posts: readonly StreamedPost[]): WindowState {
  if (posts.length === 0) return state;
  const held = new Set(state.facts.map((f) => f.key));
  const facts = [...state.facts];
  for (const { seq, item } of posts) {
    if (held.has(item.postKey)) continue;
    held.add(item.postKey);
    facts.push(factOf(item, seq));
  }
  return { v: 1, facts };
}

export function factOf(item: PostItem, seq: string): PostFact {
  return {
    key: item.postKey,
    seq,
    at: item.createdAtEpoch,
    sentiment: item.sentimentLabel,
    hoax: item.hoaxLevel,
    weights: item.hoaxWeights ?? [],
    topics: item.topics,
    cities: [...new Set(item.placeCities)],
    author: authorKey({ source: item.source, id: item.id, author: { id: item.authorId, handle: item.authorHandle } }),
    followers: item.authorFollowers ?? 0,
    reposts: item.reposts ?? 0,
    ...(item.claimId ? { claim: item.claimId } : {}),
    bands: textFingerprints(normalise(item.text)),
  };
}
