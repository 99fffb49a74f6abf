/** The small interfaces the pipeline's core talks through; DynamoDB/SQS/SNS implement them. */
import type { Alert } from '../alerts/alert';
import type { ClaimRecord } from '../claims/types';
import type { SpreadEntry } from '../alerts/spread';
import type { PostItem, StoredHoax } from '../items';
import type { PostIncrements } from './tally';
import type { WatchTopic } from '../config';

export type SaveOutcome = 'stored' | 'duplicate';

export interface PostStore {
  /** Stores the post with one conditional write: `duplicate` if source+id is already stored (it is left as it is). */
  save(item: PostItem): Promise<SaveOutcome>;
  /** Posts of a topic with `createdAt` in [fromIso, toIso), newest first, at most `limit`. */
  byTopic(topic: string, fromIso: string, toIso: string, limit: number): Promise<PostItem[]>;
  /** The stored posts with these keys (strongly consistent); a key not stored is left out. */
  get(keys: readonly string[]): Promise<PostItem[]>;
  /** Replaces a stored post's hoax assessment (the aggregator adds `coordinated`); nothing when it is not stored. */
  setHoax(key: string, hoax: StoredHoax): Promise<void>;
}

export interface BucketCount {
  readonly bucket: string;
  readonly total: number;
  readonly negative: number;
  /** Posts at hoax level medium or high. */
  readonly hoax?: number;
  /** Of the negative posts, those spreading a hoax that was alerting (items.ts, `CounterValues`). */
  readonly driven?: number;
}

export interface Counters {
  /** Buckets of a topic with start in [fromIso, toIso), each the sum of what every writer counted, in order. */
  range(topic: string, fromIso: string, toIso: string): Promise<BucketCount[]>;
  /** Counts `count` deliveries of posts of `source` that were already stored. */
  noteDuplicates(source: string, count: number): Promise<void>;
}

/**
 * The counters as the aggregator writes them: each writer (a stream shard, read by one
 * invocation at a time) adds to its own counter items, so no two writers ever touch the same
 * item, and each item keeps the sequence number of the last post it counts, so a window tried
 * again never counts a post twice.
 */
export interface WindowTally {
  /** The sequence number up to which `writer` has counted ('' when it has counted nothing). */
  counted(writer: string): Promise<string>;
  /** Adds the posts' increments to `writer`'s counters, each post once per item however often this is called. */
  add(writer: string, posts: readonly PostIncrements[]): Promise<void>;
  /** Moves `writer`'s mark forward to `upTo` (never back): the posts up to it are counted. */
  mark(writer: string, upTo: string): Promise<void>;
}

/** The part of an alert rule a claim obeys: how long an episode cools down, and how much more severe an update must be. */
export interface ClaimRule {
  readonly cooldownMinutes: number;
  readonly severityStep: number;
}

export interface Claim {
  readonly action: 'new' | 'update' | 'unsent' | 'none';
  readonly alertId: string;
  readonly revision: number;
}

/** Flood control and the record of alerts: conditional writes, safe across concurrent invocations. */
export interface AlertEpisodes {
  /**
   * Claims the right to send for (kind, topic) at event time `atMs`: a new episode when none is
   * cooling down, an update when `severity` is at least `severityStep` above the last one sent.
   */
  claim(kind: string, topic: string, episodeId: string, severity: number, atMs: number, rule: ClaimRule): Promise<Claim>;
  record(alert: Alert): Promise<void>;
  get(alertId: string): Promise<Alert | undefined>;
  /**
   * Marks the alert's revision done: `sent`, or `capped` when the hourly cap held it back (it stays
   * in the alerts table and is not retried).
   */
  markSent(kind: string, topic: string, alert: Alert, status?: 'sent' | 'capped'): Promise<void>;
  /** Takes one of the `maxPerHour` messages of the (event-time, UTC) hour of `atMs`; false when all are taken. */
  takeHourSlot(atMs: number, maxPerHour: number): Promise<boolean>;
  /** Alerts recorded with `firedAt` in [fromIso, toIso), each as its latest revision, with its status. */
  firedBetween(fromIso: string, toIso: string): Promise<StoredAlert[]>;
  /** Every episode kept (open, resolved, or with a message still to send). */
  all(): Promise<EpisodeState[]>;
  /**
   * Closes a sent episode whose cooldown has passed by event time `atMs`: returns the revision of
   * its resolution message, or undefined when it is not (or no longer) the one to close.
   */
  resolve(kind: string, key: string, alertId: string, atMs: number): Promise<number | undefined>;
  /**
   * Takes over the sending of an episode's revision that is still unsent after its sender's lease
   * ran out (the sender failed to publish, or died): true for exactly one caller until the new lease ends.
   */
  resumeSend(kind: string, key: string, revision: number): Promise<boolean>;
}

export interface StoredAlert {
  readonly alert: Alert;
  /** `pending`, `sent` or `capped`. */
  readonly status: string;
}

export interface EpisodeState {
  readonly kind: string;
  /** The watch topic (spike, hoax) or account (reach) the episode is about. */
  readonly key: string;
  readonly alertId: string;
  readonly revision: number;
  /** Event time (epoch ms) when its cooldown ends. */
  readonly until: number;
  readonly sent: boolean;
  readonly resolved: boolean;
}

export interface AlertPublisher {
  publish(alert: Alert): Promise<void>;
}

export interface DeadLetter {
  readonly body: string;
  readonly reason: string;
  readonly stage: 'collector' | 'classifier';
  readonly source?: string;
  readonly postId?: string;
  readonly line?: number;
}

export interface DeadLetters {
  send(letter: DeadLetter): Promise<void>;
}

export interface OutgoingPost {
  readonly key: string;
  readonly body: string;
  readonly source: string;
}

export interface RefusedPost {
  readonly post: OutgoingPost;
  readonly reason: string;
}

export interface PostQueue {
  /**
   * Sends every post, retrying what failed on the service's side; throws naming the posts that
   * still could not be sent. Returns the posts the queue refused for what they hold (they would
   * be refused again), so the caller can dead-letter them with the reason.
   */
  sendAll(posts: readonly OutgoingPost[]): Promise<RefusedPost[]>;
}

export interface Checkpoint {
  readonly offset: number;
  readonly line: number;
  readonly updatedAt: string;
}

export interface Checkpoints {
  get(collector: string, key: string): Promise<Checkpoint | undefined>;
  put(collector: string, key: string, checkpoint: Checkpoint): Promise<void>;
}

/** Debunked claims kept by the project (state table): read by the classifier, written by imports and collectors. */
export interface ClaimStore {
  /** Stores or replaces claims by id; returns how many were written. */
  put(claims: readonly ClaimRecord[]): Promise<number>;
  /** Every stored claim (paged internally). */
  all(): Promise<ClaimRecord[]>;
}

/** The spread entries one window of one writer recorded. */
export interface SpreadPage {
  readonly writer: string;
  readonly window: string;
  readonly entries: readonly SpreadEntry[];
}

/**
 * The record of who posted what, for coordinated posting and hoax spread: each window writes its
 * entries once (a page per event-time hour), so that later windows, and other writers, count the
 * accounts behind a text across windows and shards.
 */
export interface SpreadLog {
  /** Writes (or writes again, the same) the entries of `writer`'s `window`. */
  put(writer: string, window: string, entries: readonly SpreadEntry[]): Promise<void>;
  /** Every page holding entries with event time in [fromMs, toMs] (pages hold whole hours: callers filter). */
  read(fromMs: number, toMs: number): Promise<SpreadPage[]>;
}

/**
 * What a collector remembers between runs, one JSON value per key: a query's `since_id`, a
 * feed's ETag and Last-Modified and the item ids already sent. Callers check what they read back.
 */
export interface CollectorState {
  get(collector: string, key: string): Promise<unknown>;
  put(collector: string, key: string, value: unknown): Promise<void>;
}

/** One run of a collector at a time, across invocations and machines. */
export interface RunLock {
  /**
   * Takes the collector's lock for `ttlMs` on behalf of `holder`; false when another holder has
   * it and it has not run out (a run that died without releasing frees it after `ttlMs`).
   */
  acquire(collector: string, holder: string, ttlMs: number): Promise<boolean>;
  release(collector: string, holder: string): Promise<void>;
}

/** A daily cap on reads that a source bills (X), shared by every run of the day. */
export interface ReadBudget {
  /** Reserves up to `wanted` of `day`'s `cap` reads and returns how many were granted (0 when spent). */
  reserve(day: string, wanted: number, cap: number): Promise<number>;
  /** Gives back reads that were reserved and not used. */
  refund(day: string, unused: number): Promise<void>;
  /** Reads counted on `day` so far. */
  spent(day: string): Promise<number>;
}

/** A watch topic as the console keeps it: the config file's rules, and who changed it last. */
export interface StoredTopic extends WatchTopic {
  /** A disabled topic matches no post; it stays listed so it can be enabled again. */
  readonly disabled: boolean;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** 1 for the first write, +1 for each change: a change is written only over the version it was made from. */
  readonly version: number;
}

export interface TopicChange {
  readonly at: string;
  readonly by: string;
  readonly action: 'add' | 'edit' | 'disable' | 'enable';
  readonly topic: string;
  /** The fields that changed. */
  readonly changed: readonly string[];
}

/**
 * Watch topics added or edited in the console (state table), on top of the config file's: read
 * by running classifiers every few minutes (as claims are), written by the console.
 */
export interface TopicStore {
  all(): Promise<StoredTopic[]>;
  /**
   * Writes the topic and its change in the log together, only when the stored version is still
   * `topic.version - 1` (none stored: 0); false when someone else changed it meanwhile.
   */
  put(topic: StoredTopic, change: TopicChange): Promise<boolean>;
  /** The latest changes, newest first. */
  changes(limit: number): Promise<TopicChange[]>;
}
