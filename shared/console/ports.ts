/**
 * What the console reads and writes, behind small interfaces: DynamoDB implements them
 * (shared/adapters/console-store.ts), the API (app.ts) only calls them.
 */
import type { ClaimRecord } from '../claims/types';
import type { PostItem } from '../items';
import type { ResponseEvent, ResponseSummary } from './contract';

/** Where a page of posts or alerts ended: given back to go on from there. */
export type PageKey = Record<string, unknown>;

/** A stored alert item as the table holds it (the alert, its revisions, its response log). */
export type AlertRecord = Record<string, unknown>;

export interface AlertReads {
  /**
   * Alert items of `kind` fired at or before `upTo` (firedAt), newest first, at most
   * `limit`; from the index that orders each kind by `firedAt`.
   */
  firedUpTo(kind: string, upTo: string, limit: number): Promise<AlertRecord[]>;
  get(alertId: string): Promise<AlertRecord | undefined>;
  getMany(alertIds: readonly string[]): Promise<AlertRecord[]>;
}

export interface PostReads {
  /**
   * One page of a topic's posts with `createdAt` in [fromIso, toIso), newest first, from `start`
   * (where the previous page ended). `last` is where this page ended, absent at the end.
   */
  page(topic: string, fromIso: string, toIso: string, pageSize: number, start?: PageKey): Promise<{ items: PostItem[]; last?: PageKey }>;
  get(keys: readonly string[]): Promise<PostItem[]>;
}

/** The newest counted bucket: where "the last 24 hours" end when the data is older than now (a replay). */
export interface CountedUpTo {
  latestBucket(): Promise<string | undefined>;
}

export interface ResponseRecord {
  readonly summary: ResponseSummary;
  readonly events: readonly ResponseEvent[];
}

/** The response to an episode, kept on its alert item. */
export interface ResponseLog {
  /**
   * Adds a step and, unless it is only a note, the state it leads to (the assignee only when
   * `next` names one); answers the log as it stands after, or undefined when no such alert is stored.
   */
  add(alertId: string, event: ResponseEvent, next?: ResponseSummary): Promise<ResponseRecord | undefined>;
}

/** The stored claims a page at a time, for the console's list (the store may hold tens of thousands). */
export interface ClaimPages {
  /** Up to `limit` stored claims in id order, from `start` (where the previous page ended); `last` absent at the end. */
  page(limit: number, start?: PageKey): Promise<{ claims: ClaimRecord[]; last?: PageKey }>;
  /** Which of these ids are stored. */
  storedOf(ids: readonly string[]): Promise<Set<string>>;
}
