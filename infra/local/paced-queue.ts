/**
 * The local file collector held back while the posts queue is full. On AWS, SQS keeps whatever
 * backlog a collector makes; on the embedded stack the queue lives in this process (fauxqs), so a
 * large replay put on it at once would cost memory in proportion to the file. Waiting while
 * `maxBacklog` messages are queued keeps a replay's memory flat, whatever its size.
 */
import type { OutgoingPost, PostQueue, RefusedPost } from '../../shared/pipeline/ports';

export interface PacedQueueOptions {
  /** Messages on the queue now (waiting or in flight). */
  readonly backlog: () => Promise<number>;
  /** A page is sent only while fewer than this many are queued. */
  readonly maxBacklog: number;
  readonly pollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

export class PacedQueue implements PostQueue {
  /**
   * Time spent waiting for the queue to drain. Not the collector's work: the local collector's
   * time limit (its Lambda timeout) does not count it, since on AWS it would not wait at all.
   */
  waitedMs = 0;

  constructor(
    private readonly inner: PostQueue,
    private readonly opts: PacedQueueOptions,
  ) {}

  async sendAll(posts: readonly OutgoingPost[]): Promise<RefusedPost[]> {
    const now = this.opts.now ?? Date.now;
    const sleep = this.opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    if (!Number.isFinite(this.opts.maxBacklog)) return this.inner.sendAll(posts);
    const started = now();
    while ((await this.opts.backlog()) >= this.opts.maxBacklog) await sleep(this.opts.pollMs ?? 200);
    this.waitedMs += now() - started;
    return this.inner.sendAll(posts);
  }
}
