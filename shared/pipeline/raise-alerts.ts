/**
 * After a post is stored: the alert rules that it may trigger, and sending each alert once.
 * - `spike`: each watch topic of a negative post, its window of counters against its baselines;
 * - `hoax`: a hoax-like post's cluster (the debunked claim it repeats, or the text pushed by many
 *   accounts), how many accounts spread it within the window;
 * - `reach`: a negative or hoax-like post with a large audience.
 * Each alert goes through the ledger (cooldown, updates only when severity rises, conditional
 * writes), then the alerts table, then SNS.
 */
import { hoaxAlertId, reachAlertId, spikeAlertId, type Alert, type AlertKind } from '../alerts/alert';
import { countsAsHoax, evaluateHoaxSpread } from '../alerts/hoax';
import { evaluateReach } from '../alerts/reach';
import { evaluateSpike } from '../alerts/spike';
import type { Classification } from '../classify/types';
import type { PostItem } from '../items';
import { authorKey, type Post } from '../post';
import { DAY, HOUR, MINUTE, bucketStart, isoMinute } from '../time';
import type { ClassifierDeps } from './classify-post';
import { markPublished } from './mark-sent';
import type { Claim, Spread } from './ports';

export interface StoredPost {
  readonly post: Post;
  readonly item: PostItem;
  readonly classification: Classification;
  /** The spread of the post's text when it was marked `coordinated`. */
  readonly pushed?: Spread;
}

/** Every rule the post may trigger; returns the alerts sent. */
export async function raiseAlerts(stored: StoredPost, deps: ClassifierDeps): Promise<Alert[]> {
  const sent: Alert[] = [];
  for (const alert of [...(await spikeAlerts(stored.item, deps)), await hoaxAlert(stored, deps), await reachAlert(stored.item, deps)]) {
    if (alert) sent.push(alert);
  }
  return sent;
}

interface Episode {
  readonly kind: AlertKind;
  /** What the cooldown is kept for: a watch topic (spike, hoax), an account (reach). */
  readonly key: string;
  readonly episodeId: string;
  readonly severity: number;
  readonly eventMs: number;
  readonly rule: { readonly cooldownMinutes: number; readonly severityStep: number };
}

/**
 * Claims the right to send (a new episode, or an update when severity rose), then records,
 * publishes (within the hourly cap) and marks the alert sent. An earlier delivery that claimed
 * and failed to send is finished here with the alert it recorded.
 */
async function sendOnce(episode: Episode, build: (claim: Claim) => Promise<Alert>, deps: ClassifierDeps): Promise<Alert | undefined> {
  const { kind, key } = episode;
  const claim = await deps.ledger.claim(kind, key, episode.episodeId, episode.severity, episode.eventMs, episode.rule);
  if (claim.action === 'none') return undefined;
  if (claim.action === 'unsent') {
    const pending = await deps.ledger.get(claim.alertId);
    if (pending && pending.revision === claim.revision) return publishOrHold(kind, key, pending, deps);
    // Claimed but never recorded: build it now from the current evidence.
  }
  const alert = await build(claim);
  await deps.ledger.record(alert);
  // Flood control across every kind and topic: past the hourly cap the alert is kept, not sent.
  if (!(await deps.ledger.takeHourSlot(episode.eventMs, deps.config.alerts.maxPerHour))) {
    await deps.ledger.markSent(kind, key, alert, 'capped');
    return undefined;
  }
  return publishOrHold(kind, key, alert, deps);
}

/**
 * Publishes a recorded alert and marks it sent (retrying the mark: mark-sent.ts). When SNS fails, the alert stays recorded and
 * unsent (the outbox): the post is not failed for it, and the resolution sweep, or the next
 * delivery on the same episode once the send lease has run out, sends it when SNS is back.
 */
async function publishOrHold(kind: string, key: string, alert: Alert, deps: ClassifierDeps): Promise<Alert | undefined> {
  try {
    await deps.publisher.publish(alert);
  } catch (err) {
    deps.onHeld?.(alert, err);
    return undefined;
  }
  await markPublished(deps, kind, key, alert);
  return alert;
}

// ---------------------------------------------------------------------------------------------
// spike

async function spikeAlerts(item: PostItem, deps: ClassifierDeps): Promise<(Alert | undefined)[]> {
  if (item.sentimentLabel !== 'negative') return [];
  const sent: (Alert | undefined)[] = [];
  for (const topic of item.topics) sent.push(await spikeForTopic(item, topic, deps));
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

  const episode: Episode = {
    kind: 'spike',
    key: topic,
    episodeId: spikeAlertId(topic, isoMinute(windowEnd)),
    severity: decision.severity,
    eventMs,
    rule,
  };
  return sendOnce(
    episode,
    async (claim) => {
      const evidence = await deps.posts.byTopic(topic, isoMinute(windowStart), isoMinute(windowEnd), 500);
      const negative = evidence.filter((p) => p.sentimentLabel === 'negative' && p.topics.includes(topic));
      return {
        ...common(claim, 'spike', topic, decision.severity, item, deps),
        windowStart: new Date(windowStart).toISOString(),
        windowEnd: new Date(windowEnd).toISOString(),
        observed: decision.observed,
        expected: round2(decision.expected),
        ratio: round2(decision.ratio),
        windowTotal: counts.windowTotal,
        ...whereAndWho(negative, mostNegative),
      };
    },
    deps,
  );
}

// ---------------------------------------------------------------------------------------------
// hoax

/** How far the post's hoax has spread: the debunked claim it repeats, else the text it was pushed with. */
async function hoaxSpread(stored: StoredPost, deps: ClassifierDeps): Promise<Spread | undefined> {
  const { post, classification, pushed } = stored;
  const rule = deps.config.alerts.hoax;
  const claim = classification.knownClaim;
  if (claim) {
    // Each account that repeats the claim is recorded under it (once per account).
    return deps.fingerprints.record(
      [`claim-${claim.id}`],
      authorKey(post),
      Date.parse(post.createdAt),
      rule.windowMinutes,
      post.author?.followers ?? 0,
    );
  }
  return pushed;
}

async function hoaxAlert(stored: StoredPost, deps: ClassifierDeps): Promise<Alert | undefined> {
  const { item, classification } = stored;
  const rule = deps.config.alerts.hoax;
  if (!countsAsHoax(classification.hoax.level, rule)) return undefined;
  const spread = await hoaxSpread(stored, deps);
  if (!spread) return undefined;
  const knownClaim = classification.knownClaim;
  const decision = evaluateHoaxSpread({ ...spread, knownClaim: knownClaim !== undefined }, rule);
  if (!decision.fire) return undefined;

  const eventMs = item.createdAtEpoch * 1000;
  const windowStart = eventMs - rule.windowMinutes * MINUTE;
  const topic = item.topics[0] ?? OFF_TOPIC;
  // One episode per watch topic: the same campaign often comes as the debunked claim and as
  // reworded copies, and the officer wants one alert for it, escalated as it grows.
  const episode: Episode = {
    kind: 'hoax',
    key: topic,
    episodeId: hoaxAlertId(topic, isoMinute(eventMs)),
    severity: decision.severity,
    eventMs,
    rule,
  };
  return sendOnce(
    episode,
    async (claim) => {
      // The cluster's posts in the window, when they share a watch topic with this one.
      const nearby =
        topic === OFF_TOPIC ? [] : await deps.posts.byTopic(topic, isoMinute(windowStart), new Date(eventMs + 1).toISOString(), 500);
      const members = nearby.filter((p) =>
        knownClaim ? p.hoaxEvidence.some((e) => e.includes(knownClaim.source)) : p.hoaxIndicators.includes('coordinated'),
      );
      if (!members.some((p) => p.postKey === item.postKey)) members.push(item);
      return {
        ...common(claim, 'hoax', topic, decision.severity, item, deps),
        windowStart: new Date(windowStart).toISOString(),
        windowEnd: new Date(eventMs).toISOString(),
        observed: spread.authors,
        expected: rule.minAuthors,
        ratio: round2(spread.authors / rule.minAuthors),
        windowTotal: members.length,
        ...whereAndWho(members, widestReach),
        ...(knownClaim
          ? { claim: { id: knownClaim.id, text: knownClaim.text, rating: knownClaim.rating, source: knownClaim.source } }
          : {}),
        indicators: classification.hoax.indicators.map((i) => ({ name: i.name, evidence: i.evidence })),
        followers: spread.followers,
      };
    },
    deps,
  );
}

// ---------------------------------------------------------------------------------------------
// reach

async function reachAlert(item: PostItem, deps: ClassifierDeps): Promise<Alert | undefined> {
  const rule = deps.config.alerts.reach;
  const followers = item.authorFollowers ?? 0;
  const reposts = item.reposts ?? 0;
  const hoaxLike = countsAsHoax(item.hoaxLevel as Classification['hoax']['level'], deps.config.alerts.hoax);
  const complaint = item.sentimentLabel === 'negative' && item.topics.length > 0;
  const decision = evaluateReach({ followers, reposts, complaint, hoaxLike }, rule);
  if (!decision.fire) return undefined;
  const eventMs = item.createdAtEpoch * 1000;
  const topic = item.topics[0] ?? OFF_TOPIC;
  // One episode per account: its next large posts within the cooldown are updates, not new alerts.
  const account = item.authorId
    ? `${item.source}:${item.authorId}`
    : item.authorHandle
      ? `${item.source}:@${item.authorHandle}`
      : item.postKey;
  const episode: Episode = {
    kind: 'reach',
    key: account,
    episodeId: reachAlertId(account, isoMinute(eventMs)),
    severity: decision.severity,
    eventMs,
    rule,
  };
  return sendOnce(
    episode,
    async (claim) => ({
      ...common(claim, 'reach', topic, decision.severity, item, deps),
      windowStart: item.createdAt,
      windowEnd: item.createdAt,
      observed: decision.by === 'followers' ? followers : reposts,
      expected: decision.by === 'followers' ? rule.minFollowers : rule.minReposts,
      ratio: round2(decision.ratio),
      windowTotal: 1,
      ...whereAndWho([item], widestReach),
      // A hoax-like post carries its indicators; a plain complaint none.
      ...(hoaxLike ? { indicators: indicatorsOf(item) } : {}),
      followers,
      reposts,
    }),
    deps,
  );
}

// ---------------------------------------------------------------------------------------------
// shared pieces

/** A stored post's hoax indicators with their evidence (stored flat as `name: evidence`). */
function indicatorsOf(item: PostItem): { name: string; evidence: string[] }[] {
  return item.hoaxIndicators.map((name) => ({
    name,
    evidence: item.hoaxEvidence.filter((e) => e.startsWith(`${name}: `)).map((e) => e.slice(name.length + 2)),
  }));
}

/** The topic name used for a hoax or a large post outside every watch topic. */
export const OFF_TOPIC = 'umum';

function common(claim: Claim, kind: AlertKind, topic: string, severity: number, item: PostItem, deps: ClassifierDeps) {
  const label = deps.config.topics.find((t) => t.name === topic)?.label;
  return {
    alertId: claim.alertId,
    kind,
    topic,
    topicLabel: label ?? (deps.config.alerts.language === 'en' ? 'Outside the watch topics' : 'Di luar topik pantauan'),
    severity,
    revision: claim.revision,
    firedAt: item.createdAt,
  };
}

/** Places and cities named by the posts, and up to three sample posts in the given order. */
function whereAndWho(
  posts: readonly PostItem[],
  order: (a: PostItem, b: PostItem) => number,
): Pick<Alert, 'places' | 'cities' | 'samples'> {
  return {
    places: tally(posts.flatMap((p) => p.places)),
    cities: tally(posts.flatMap((p) => p.placeCities)),
    samples: [...posts]
      .sort(order)
      .slice(0, 3)
      .map((p) => ({ postKey: p.postKey, text: p.text, url: p.url, author: p.authorHandle, createdAt: p.createdAt })),
  };
}

const reachOf = (p: PostItem): number => (p.reposts ?? 0) + (p.likes ?? 0) + (p.authorFollowers ?? 0) / 1000;
/** The most negative posts first, ties broken by reach. */
const mostNegative = (a: PostItem, b: PostItem): number => a.sentimentScore - b.sentimentScore || reachOf(b) - reachOf(a);
const widestReach = (a: PostItem, b: PostItem): number => reachOf(b) - reachOf(a);

function tally(names: readonly string[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, 5);
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
