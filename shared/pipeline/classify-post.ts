/**
 * The classifier's core, for one queue message: validate, classify, mark near-identical text
 * pushed by many accounts (`coordinated`), store once, count once, then decide and send alerts.
 * Everything it touches goes through the ports, so it runs the same on AWS, on the embedded
 * stack and in tests.
 */
import type { Alert } from '../alerts/alert';
import type { Classify } from '../classify';
import { coordinatedIndicator, withIndicator } from '../classify/hoax';
import type { Classification } from '../classify/types';
import type { Config } from '../config';
import { counterIncrements, toPostItem } from '../items';
import { authorKey, parsePostAt, type Post } from '../post';
import type { AlertLedger, AlertPublisher, Counters, DeadLetters, FingerprintLedger, PostStore, Spread } from './ports';
import { raiseAlerts } from './raise-alerts';

export interface ClassifierDeps {
  readonly config: Config;
  readonly classify: Classify;
  readonly posts: PostStore;
  readonly counters: Counters;
  /** Who posted near-identical text recently (the `coordinated` indicator). */
  readonly fingerprints: FingerprintLedger;
  readonly ledger: AlertLedger;
  readonly publisher: AlertPublisher;
  readonly deadLetters: DeadLetters;
  readonly now: () => number;
  /** Told of an alert that SNS refused: it stays in the outbox (recorded, unsent) for the sweep. */
  readonly onHeld?: (alert: Alert, error: unknown) => void;
  /** Waits between tries of marking a published alert sent (mark-sent.ts); replaced in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export type MessageOutcome =
  | { readonly outcome: 'stored' | 'duplicate'; readonly postKey: string; readonly alerts: readonly Alert[] }
  | { readonly outcome: 'rejected'; readonly reason: string };

/**
 * Handles one message body. A body that breaks the post contract can never succeed, so it goes
 * to the DLQ at once with its reason (`rejected`); any other error is thrown, so the message is
 * retried and, after the queue's maxReceiveCount, redriven to the DLQ.
 */
export async function handlePostMessage(body: string, deps: ClassifierDeps): Promise<MessageOutcome> {
  const parsed = parsePostAt(body, deps.now());
  if (!parsed.ok) {
    const reason = parsed.error.message;
    await deps.deadLetters.send({ body, reason, stage: 'classifier', postId: parsed.error.postId, source: sourceOf(body) });
    return { outcome: 'rejected', reason };
  }
  const post = parsed.post;
  const { classification, pushed } = await withCoordination(
    post,
    deps.classify(post.text, { author: post.author, postedAt: post.createdAt }),
    deps,
  );
  const item = toPostItem(post, classification, {
    retentionDays: deps.config.retention.postsDays,
    nowMs: deps.now(),
    timeZone: deps.config.timezone,
  });
  const increments = counterIncrements(item, deps.config.alerts.spike.bucketMinutes, deps.config.retention.stateDays);
  const outcome = await deps.posts.save(item, increments);
  if (outcome === 'duplicate') await deps.counters.noteDuplicate(post.source);
  // Also for duplicates: a delivery that stored the post may have failed before its alert went out.
  const alerts = await raiseAlerts({ post, item, classification, pushed }, deps);
  return { outcome, postKey: item.postKey, alerts };
}

/**
 * Records the post's text fingerprints under its author and adds `coordinated` when enough
 * distinct accounts posted near-identical text within the window (event time); `pushed` is that
 * text's spread then. Recording again on a redelivery is harmless: the same (key, author) counts once.
 */
async function withCoordination(
  post: Post,
  classification: Classification,
  deps: ClassifierDeps,
): Promise<{ classification: Classification; pushed?: Spread }> {
  const keys = classification.fingerprints;
  if (keys.length === 0) return { classification };
  const rule = deps.config.hoax.coordinated;
  const spread = await deps.fingerprints.record(
    keys,
    authorKey(post),
    Date.parse(post.createdAt),
    rule.windowMinutes,
    post.author?.followers ?? 0,
  );
  if (spread.authors < rule.minAuthors) return { classification };
  return {
    classification: {
      ...classification,
      hoax: withIndicator(classification.hoax, coordinatedIndicator(spread.authors, rule.windowMinutes)),
    },
    pushed: spread,
  };
}

function sourceOf(body: string): string | undefined {
  const match = /"source"\s*:\s*"([^"]{1,32})"/.exec(body);
  return match?.[1];
}
