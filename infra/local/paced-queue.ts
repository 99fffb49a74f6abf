/**
 * The local file collector held back:
 * - while the posts queue is full. On AWS, SQS keeps whatever backlog a collector makes; on the
 *   embedded stack the queue lives in this process (fauxqs), so a large replay put on it at once
 *   would cost memory in proportion to the file. Waiting while `maxBacklog` messages are queued
 *   keeps a replay's memory flat, whatever its size;
 * - when asked, until each post's event time comes round at `speed` times the real pace (from the
 *   first post sent): a day replayed at 2,400 times takes 36 seconds, long enough to watch the
 *   console follow it. Event time decides the alerts, so the pace changes when they come, not
 *   what they say.
 */
import type { OutgoingPost, PostQueue, RefusedPost } from '../../shared/pipeline/ports';
import { sleep } from '../../shared/retry';

export interface PacedQueueOptions {
  /** Messages on the queue now (waiting or in flight). */
  readonly backlog: () => Promise<number>;
  /** A page is sent only while fewer than this many are queued. */
  readonly maxBacklog: number;
  readonly pollMs?: number;
  /** Replay the posts at this many times the pace of their event time (`createdAt`); as fast as the queue takes them when absent. */
  readonly speed?: number;
  /** True once the replay is being stopped: posts are no longer held for their time. */
  readonly stopped?: () => boolean;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

/** The longest single wait for a post's time, so a stop is noticed soon. */
const PACE_STEP_MS = 250;

export class PacedQueue implements PostQueue {
  /**
   * Time spent waiting for the queue to drain. Not the collector's work: the local collector's
   * time limit (its Lambda timeout) does not count it, since on AWS it would not wait at all.
   */
  waitedMs = 0;

  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  /** The first post's event time and the wall-clock time it was sent, when pacing. */
  private origin: { readonly eventMs: number; readonly wallMs: number } | undefined;

  constructor(
    private readonly inner: PostQueue,
    private readonly opts: PacedQueueOptions,
  ) {
    this.sleep = opts.sleep ?? sleep;
    this.now = opts.now ?? Date.now;
  }

  async sendAll(posts: readonly OutgoingPost[]): Promise<RefusedPost[]> {
    if (this.opts.speed === undefined) return this.sendWhenRoom(posts);
    const timed = posts.map((post) => ({ post, eventMs: eventTimeOf(post) }));
    const refused: RefusedPost[] = [];
    let from = 0;
    while (from < timed.length) {
      // The posts whose time has come go together; then wait for the next one's.
      const now = this.now();
      let to = from;
      while (to < timed.length && this.dueAt(timed[to]!.eventMs) <= now) to += 1;
      if (to > from) refused.push(...(await this.sendWhenRoom(timed.slice(from, to).map((t) => t.post))));
      from = to;
      const next = timed[from];
      if (next) await this.waitFor(Math.min(this.dueAt(next.eventMs) - this.now(), PACE_STEP_MS));
    }
    return refused;
  }

  private async waitFor(ms: number): Promise<void> {
    if (ms <= 0) return;
    await this.sleep(ms);
    this.waitedMs += ms;
  }

  /** When a post is due at the replay's pace: now for one without a readable time, or once stopping. */
  private dueAt(eventMs: number | undefined): number {
    if (eventMs === undefined || this.opts.stopped?.() === true) return Number.NEGATIVE_INFINITY;
    this.origin ??= { eventMs, wallMs: this.now() };
    return this.origin.wallMs + (eventMs - this.origin.eventMs) / (this.opts.speed ?? 1);
  }

  private async sendWhenRoom(posts: readonly OutgoingPost[]): Promise<RefusedPost[]> {
    if (!Number.isFinite(this.opts.maxBacklog)) return this.inner.sendAll(posts);
    const started = this.now();
    while ((await this.opts.backlog()) >= this.opts.maxBacklog) await this.sleep(this.opts.pollMs ?? 200);
    this.waitedMs += this.now() - started;
    return this.inner.sendAll(posts);
  }
}

/** A post's event time (`createdAt` of its message body), if it has a readable one. */
function eventTimeOf(post: OutgoingPost): number | undefined {
  try {
    const createdAt = (JSON.parse(post.body) as { createdAt?: unknown }).createdAt;
    const ms = typeof createdAt === 'string' ? Date.parse(createdAt) : NaN;
    return Number.isNaN(ms) ? undefined : ms;
  } catch {
    return undefined;
  }
}
