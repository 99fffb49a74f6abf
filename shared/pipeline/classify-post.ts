/**
 * The classifier's core, for one queue message: validate, classify, mark near-identical text
 * pushed by many accounts (`coordinated`), store once, count once, then decide and send alerts.
 * Everything it touches goes through the ports, so it runs the same on AWS, on the embedded
 * stack and in tests.
 */
import { spikeAlertId, type Alert } from '../alerts/alert';
import { evaluateSpike } from '../alerts/spike';
import type { Classify } from '../classify';
import { coordinatedIndicator, withIndicator } from '../classify/hoax';
import type { Classification } from '../classify/types';
import type { Config } from '../config';
import { counterIncrements, toPostItem, type PostItem } from '../items';
import { parsePost, type Post } from '../post';
import { DAY, HOUR, MINUTE, bucketStart, isoMinute } from '../time';
import type { AlertLedger, AlertPublisher, Counters, DeadLetters, FingerprintLedger, PostStore } from './ports';

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
  const parsed = parsePost(body);
  if (!parsed.ok) {
    const reason = parsed.error.message;
    await deps.deadLetters.send({ body, reason, stage: 'classifier', postId: parsed.error.postId, source: sourceOf(body) });
    return { outcome: 'rejected', reason };
  }
  const post = parsed.post;
  const classification = await withCoordination(post, deps.classify(post.text, { author: post.author, postedAt: post.createdAt }), deps);
  const item = toPostItem(post, classification, deps.config.retention.postsDays, deps.now());
  const increments = counterIncrements(item, deps.config.alerts.spike.bucketMinutes, deps.config.retention.stateDays);
  const outcome = await deps.posts.save(item, increments);
  if (outcome === 'duplicate') await deps.counters.noteDuplicate(post.source);
  // Also for duplicates: a delivery that stored the post may have failed before its alert went out.
  const alerts = await spikeAlerts(item, deps);
  return { outcome, postKey: item.postKey, alerts };
}

/**
 * Records the post's text fingerprints under its author and adds `coordinated` when enough
 * distinct accounts posted near-identical text within the window (event time). Recording again
 * on a redelivery is harmless: the same (key, author) counts once.
 */
async function withCoordination(post: Post, classification: Classification, deps: ClassifierDeps): Promise<Classification> {
  const keys = classification.fingerprints;
  if (keys.length === 0) return classification;
  const rule = deps.config.hoax.coordinated;
  const authors = await deps.fingerprints.record(keys, authorKey(post), Date.parse(post.createdAt), rule.windowMinutes);
  if (authors < rule.minAuthors) return classification;
  return { ...classification, hoax: withIndicator(classification.hoax, coordinatedIndicator(authors, rule.windowMinutes)) };
}

/** Who posted, as the source names them; a post without an author stands for an account of its own. */
export function authorKey(post: Post): string {
  const { id, handle } = post.author ?? {};
  if (id) return `${post.source}:${id}`;
  if (handle) return `${post.source}:@${handle.replace(/^@/, '').toLowerCase()}`;
  return `${post.source}:post:${post.id}`;
}

/** Runs the spike rule for each topic of a negative post; returns the alerts it sent. */
export async function spikeAlerts(item: PostItem, deps: ClassifierDeps): Promise<Alert[]> {
  if (item.sentimentLabel !== 'negative') return [];
  const sent: Alert[] = [];
  for (const topic of item.topics) {
    const alert = await spikeForTopic(item, topic, deps);
    if (alert) sent.push(alert);
  }
  return sent;
}

async function spikeForTopic(item: PostItem, topic: string, deps: ClassifierDeps): Promise<Alert | undefined> {
  const rule = deps.config.alerts.spike;
  const eventMs = item.createdAtEpoch * 1000;
  const windowEnd = bucketStart(eventMs, rule.bucketMinutes) + rule.bucketMinutes * MINUTE;
  const windowStart = windowEnd - rule.windowMinutes * MINUTE;
  const sumNegative = (buckets: readonly { negative: number }[]): number => buckets.reduce((n, b) => n + b.negative, 0);

  const window = await deps.counters.range(topic, isoMinute(windowStart), isoMinute(windowEnd));
  const windowNegative = sumNegative(window);
  if (windowNegative < rule.minCount) return undefined;

  const short = await deps.counters.range(topic, isoMinute(windowStart - rule.baselineHours * HOUR), isoMinute(windowStart));
  const counts = {
    windowNegative,
    windowTotal: window.reduce((n, b) => n + b.total, 0),
    shortBaselineNegative: sumNegative(short),
    pastDaysNegative: [] as number[],
  };
  if (!evaluateSpike(counts, rule).fire) return undefined;
  for (let day = 1; day <= rule.baselineDays; day++) {
    const past = await deps.counters.range(topic, isoMinute(windowStart - day * DAY), isoMinute(windowEnd - day * DAY));
    if (past.length > 0) counts.pastDaysNegative.push(sumNegative(past));
  }
  const decision = evaluateSpike(counts, rule);
  if (!decision.fire) return undefined;

  const topicConfig = deps.config.topics.find((t) => t.name === topic);
  const episodeId = spikeAlertId(topic, isoMinute(windowEnd));
  const claim = await deps.ledger.claim('spike', topic, episodeId, decision.severity, eventMs, rule);
  if (claim.action === 'none') return undefined;
  if (claim.action === 'unsent') {
    const pending = await deps.ledger.get(claim.alertId);
    if (pending && pending.revision === claim.revision) {
      await deps.publisher.publish(pending);
      await deps.ledger.markSent('spike', topic, pending);
      return pending;
    }
    // Claimed but never recorded: build it now from the current evidence.
  }

  const evidence = await deps.posts.byTopic(topic, isoMinute(windowStart), isoMinute(windowEnd), 500);
  const negative = evidence.filter((p) => p.sentimentLabel === 'negative' && p.topics.includes(topic));
  const alert: Alert = {
    alertId: claim.alertId,
    kind: 'spike',
    topic,
    topicLabel: topicConfig?.label ?? topic,
    severity: decision.severity,
    revision: claim.revision,
    firedAt: item.createdAt,
    windowStart: new Date(windowStart).toISOString(),
    windowEnd: new Date(windowEnd).toISOString(),
    observed: decision.observed,
    expected: round2(decision.expected),
    ratio: round2(decision.ratio),
    windowTotal: counts.windowTotal,
    places: tally(negative.flatMap((p) => p.places)),
    cities: tally(negative.flatMap((p) => p.placeCities)),
    samples: pickSamples(negative).map((p) => ({
      postKey: p.postKey,
      text: p.text,
      url: p.url,
      author: p.authorHandle,
      createdAt: p.createdAt,
    })),
  };
  await deps.ledger.record(alert);
  await deps.publisher.publish(alert);
  await deps.ledger.markSent('spike', topic, alert);
  return alert;
}

/** The most negative posts first, ties broken by reach; at most three. */
function pickSamples(posts: readonly PostItem[]): PostItem[] {
  const reach = (p: PostItem): number => (p.reposts ?? 0) + (p.likes ?? 0) + (p.authorFollowers ?? 0) / 1000;
  return [...posts].sort((a, b) => a.sentimentScore - b.sentimentScore || reach(b) - reach(a)).slice(0, 3);
}

function tally(names: readonly string[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, 5);
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function sourceOf(body: string): string | undefined {
  const match = /"source"\s*:\s*"([^"]{1,32})"/.exec(body);
  return match?.[1];
}
