/**
 * The classifier's and the aggregator's cores driven by hand against a test stack: posts stored
 * as the classifier stores them, then handed to the aggregator in windows of our choosing, with
 * sequence numbers of our own, as one stream shard would. For tests that need the posts taken one
 * at a time, or a window tried again, deterministically.
 */
import { DynamoCounters, DynamoPostStore, DynamoWindowTally, alertEpisodes } from '../../shared/adapters/dynamodb';
import { DynamoSpreadLog } from '../../shared/adapters/spread-log';
import { SqsDeadLetters } from '../../shared/adapters/sqs';
import type { Alert } from '../../shared/alerts/alert';
import { ClaimIndex } from '../../shared/claims/match';
import { SEED_CLAIMS } from '../../shared/claims/seed';
import { makeClassifier } from '../../shared/classify';
import type { Config } from '../../shared/config';
import { closeWindow, type AggregatorDeps, type WindowOutcome } from '../../shared/pipeline/aggregate';
import { handlePostMessage, type ClassifierDeps } from '../../shared/pipeline/classify-post';
import { factOf, type PostFact } from '../../shared/pipeline/window';
import type { Post } from '../../shared/post';
import { postKey } from '../../shared/post';
import type { TestStack } from './local-stack';

export interface HandDriven {
  readonly classifier: ClassifierDeps;
  readonly aggregator: AggregatorDeps;
  /** Stores the posts (the classifier's core), then closes one window on those newly stored. */
  window(posts: readonly Post[]): Promise<WindowOutcome & { readonly facts: readonly PostFact[] }>;
  /** Each post in a window of its own, in order; the alerts sent. */
  oneByOne(posts: readonly Post[]): Promise<Alert[]>;
  /** Closes a window on these facts again (a retried final invocation). */
  again(facts: readonly PostFact[]): Promise<WindowOutcome>;
}

export function handDriven(
  stack: TestStack,
  config: Config,
  opts: { writer?: string; now?: () => number; aggregator?: Partial<AggregatorDeps> } = {},
): HandDriven {
  const { doc, sqs } = stack.clients;
  const { tables } = stack.resources;
  const now = opts.now ?? Date.now;
  const writer = opts.writer ?? 'shard-test';
  const classifier: ClassifierDeps = {
    config,
    classify: makeClassifier(config.topics, { claims: new ClaimIndex(SEED_CLAIMS) }),
    posts: new DynamoPostStore(doc, tables.posts),
    deadLetters: new SqsDeadLetters(sqs, stack.resources.dlqUrl),
    now,
  };
  const aggregator: AggregatorDeps = {
    config,
    posts: new DynamoPostStore(doc, tables.posts),
    counters: new DynamoCounters(doc, tables.state, { consistent: true }),
    tally: new DynamoWindowTally(doc, tables.state, config.retention.stateDays, now),
    spread: new DynamoSpreadLog(doc, tables.state, { now }),
    episodes: alertEpisodes(doc, tables.alerts, tables.state, config),
    publisher: { publish: async () => undefined },
    ...opts.aggregator,
  };
  let seq = 0;
  const window = async (posts: readonly Post[]) => {
    const stored: string[] = [];
    for (const post of posts) {
      const outcome = await handlePostMessage(JSON.stringify(post), classifier);
      if (outcome.outcome === 'stored') stored.push(postKey(post));
    }
    const items = await aggregator.posts.get(stored);
    const byKey = new Map(items.map((item) => [item.postKey, item]));
    const facts = stored.map((key) => factOf(byKey.get(key)!, String(++seq)));
    return { ...(await closeWindow(writer, facts, aggregator)), facts };
  };
  return {
    classifier,
    aggregator,
    window,
    async oneByOne(posts) {
      const alerts: Alert[] = [];
      for (const post of posts) alerts.push(...(await window([post])).alerts);
      return alerts;
    },
    again: (facts) => closeWindow(writer, facts, aggregator),
  };
}
