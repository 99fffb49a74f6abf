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
  readonly deadLetters: DeadLetters;
  readonly now: () => number;
}

export type MessageOutcome =
  | { readonly outcome: 'stored' | 'duplicate'; readonly postKey: string; readonly source: string }
  | { readonly outcome: 'rejected'; readonly reason: string };

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
  return { outcome: await deps.posts.save(item), postKey: item.postKey, source: post.source };
}

/**
 * The repeat deliveries of a batch, counted per source (the books' `repeat deliveries absorbed`).
 * One count item per source is shared by every classifier, so it is written once per batch
 * (`DuplicateTally.write`), never once per post: DynamoDB throttles a single item written by
 * many concurrent invocations.
 */
export class DuplicateTally {
  private readonly bySource = new Map<string, string[]>();

  /** A message whose post was already stored, by the message's own id. */
  note(source: string, messageId: string): void {
    const ids = this.bySource.get(source);
    if (ids) ids.push(messageId);
    else this.bySource.set(source, [messageId]);
  }

  /**
   * Adds the batch's counts; returns the ids of the messages whose count could not be written,
   * for the batch to report as failed: delivered again, they are duplicates again and counted then.
   */
  async write(counters: Pick<Counters, 'noteDuplicates'>, onError: (source: string, error: unknown) => void): Promise<string[]> {
    const unwritten: string[] = [];
    for (const [source, messageIds] of this.bySource) {
      try {
        await counters.noteDuplicates(source, messageIds.length);
      } catch (err) {
        onError(source, err);
        unwritten.push(...messageIds);
      }
    }
    return unwritten;
  }
}

function sourceOf(body: string): string | undefined {
  const match = /"source"\s*:\s*"([^"]{1,32})"/.exec(body);
  return match?.[1];
}
