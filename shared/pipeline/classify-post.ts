/**
 * The classifier's core, for one queue message: validate, classify, and store the post with one
 * conditional put. Nothing many posts share is written here: counting, coordinated posting and
 * the alert rules run per window in the aggregator (aggregate.ts), which the posts table's
 * stream feeds with each post stored. Everything it touches goes through the ports, so it runs
 * the same on AWS, on the embedded stack and in tests.
 */
import type { Classify } from '../classify';
import type { Config } from '../config';
import { toPostItem } from '../items';
import { parsePostAt } from '../post';
import type { Counters, DeadLetters, PostStore } from './ports';

export interface ClassifierDeps {
  readonly config: Config;
  readonly classify: Classify;
  readonly posts: Pick<PostStore, 'save'>;
  /** Where repeat deliveries of stored posts are counted (the books' `repeat deliveries absorbed`). */
  readonly counters: Pick<Counters, 'noteDuplicate'>;
  readonly deadLetters: DeadLetters;
  readonly now: () => number;
}

export type MessageOutcome =
  { readonly outcome: 'stored' | 'duplicate'; readonly postKey: string } | { readonly outcome: 'rejected'; readonly reason: string };

/**
 * Handles one message body. A body that breaks the post contract can never succeed, so it goes
 * to the DLQ at once with its reason (`rejected`); any other error is thrown, so the message is
 * retried and, after the queue's maxReceiveCount, redriven to the DLQ. A post already stored (the
 * same post collected twice, a message delivered again) is left as it is: `duplicate`.
 */
export async function handlePostMessage(body: string, deps: ClassifierDeps): Promise<MessageOutcome> {
  const parsed = parsePostAt(body, deps.now());
  if (!parsed.ok) {
    const reason = parsed.error.message;
    await deps.deadLetters.send({ body, reason, stage: 'classifier', postId: parsed.error.postId, source: sourceOf(body) });
    return { outcome: 'rejected', reason };
  }
  const post = parsed.post;
  const classification = deps.classify(post.text, { author: post.author, postedAt: post.createdAt });
  const item = toPostItem(post, classification, {
    retentionDays: deps.config.retention.postsDays,
    nowMs: deps.now(),
    timeZone: deps.config.timezone,
  });
  const outcome = await deps.posts.save(item);
  if (outcome === 'duplicate') await deps.counters.noteDuplicate(post.source);
  return { outcome, postKey: item.postKey };
}

function sourceOf(body: string): string | undefined {
  const match = /"source"\s*:\s*"([^"]{1,32})"/.exec(body);
  return match?.[1];
}
