/**
 * How the source collectors (X, news) hand posts to the queue: each post is checked against the
 * contract before sending; one that breaks it goes to the DLQ with the reason, and so does one
 * the queue refuses for what it holds. Nothing is dropped silently.
 */
import { postKey, validatePost } from '../post';
import type { DeadLetters, OutgoingPost, PostQueue } from './ports';

export interface SendDeps {
  readonly queue: PostQueue;
  readonly deadLetters: DeadLetters;
}

export interface Rejected {
  readonly id?: string;
  readonly reason: string;
}

export interface SendOutcome {
  /** Keys (`source#id`) of the posts on the queue. */
  readonly sent: readonly string[];
  readonly rejected: readonly Rejected[];
}

/** Sends `candidates` (post objects built from a source's answer) from collector `source`. */
export async function sendPosts(source: string, candidates: readonly unknown[], deps: SendDeps): Promise<SendOutcome> {
  const outgoing: OutgoingPost[] = [];
  const rejected: Rejected[] = [];
  for (const candidate of candidates) {
    const checked = validatePost(candidate);
    if (checked.ok) {
      outgoing.push({ key: postKey(checked.post), body: JSON.stringify(checked.post), source: checked.post.source });
    } else {
      const reason = checked.error.message;
      rejected.push({ id: checked.error.postId, reason });
      await deps.deadLetters.send({ body: JSON.stringify(candidate), reason, stage: 'collector', source, postId: checked.error.postId });
    }
  }
  const refused = await deps.queue.sendAll(outgoing);
  for (const { post, reason } of refused) {
    rejected.push({ id: post.key, reason });
    await deps.deadLetters.send({ body: post.body, reason, stage: 'collector', source, postId: post.key });
  }
  const refusedKeys = new Set(refused.map((r) => r.post.key));
  return { sent: outgoing.filter((p) => !refusedKeys.has(p.key)).map((p) => p.key), rejected };
}
